using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Sample;

/// <summary>
///     Builds the context for <c>dotnet ef</c>: model commands (<c>migrations add</c>, <c>script</c>) need no server;
///     <c>database update</c> uses the connection string in <c>SHOP_DB</c>.
/// </summary>
public sealed class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
{
    /// <inheritdoc />
    public ShopContext CreateDbContext(string[] args)
    {
        var options = ShopContext.Configure(new DbContextOptionsBuilder<ShopContext>(), Program.ConnectionString(args));

        // dotnet ef shows what the index conventions decided only if the context logs it; stderr keeps scripts clean.
        options.LogTo(Console.Error.WriteLine, LogLevel.Warning);
        return new ShopContext(options.Options);
    }
}
