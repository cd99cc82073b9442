using Cmms.Data.Sample;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

// Usage: dotnet run -- "Host=localhost;Database=shop;Username=postgres"  (or set SHOP_DB)
var options = ShopContext.Configure(new DbContextOptionsBuilder<ShopContext>(), Program.ConnectionString(args));
await using var db = new ShopContext(options.Options);

await db.Database.MigrateAsync();

foreach (var pruned in db.GetService<IDesignTimeModel>().Model.GetPrunedIndexes())
{
    Console.WriteLine($"pruned: {pruned}");
}

var customer = new Customer { Email = $"{Guid.NewGuid():N}@example.com" };
customer.Orders.Add(new Order { Status = OrderStatus.Open, CreatedAt = DateTimeOffset.UtcNow });
db.Customers.Add(customer);
await db.SaveChangesAsync();

var open = await db.Orders.CountAsync(o => o.CustomerId == customer.Id && o.Status == OrderStatus.Open);
Console.WriteLine($"customers: {await db.Customers.CountAsync()}, open orders of the new customer: {open}");

/// <summary>The sample's entry point.</summary>
public static partial class Program
{
    /// <summary>The connection string: the first argument, else <c>SHOP_DB</c>, else a local server.</summary>
    public static string ConnectionString(string[] args)
        => args.FirstOrDefault(a => a.Contains('=', StringComparison.Ordinal))
            ?? Environment.GetEnvironmentVariable("SHOP_DB")
            ?? "Host=localhost;Database=shop;Username=postgres";
}
