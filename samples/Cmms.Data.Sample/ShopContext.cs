using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Sample;

/// <summary>
///     The sample's model, declared the way teams think about their queries: one index per query, even where a key or
///     another index already serves it. The index conventions work out the indexes PostgreSQL actually needs.
/// </summary>
/// <remarks>
///     Migrations: <c>dotnet ef migrations add NAME</c> in this folder (see <see cref="ShopContextFactory" />).
/// </remarks>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    /// <summary>How the application and <c>dotnet ef</c> configure the context.</summary>
    public static DbContextOptionsBuilder<ShopContext> Configure(DbContextOptionsBuilder<ShopContext> options, string connectionString)
        => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .UseIndexConventions()
            .UseSafeMigrations();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(builder =>
        {
            builder.HasAlternateKey(x => x.Email); // one account per e-mail address
            builder.HasIndex(x => x.Email, "ix_customers_email"); // login lookup: the key above already serves it, so it is pruned
        });

        modelBuilder.Entity<Order>(builder =>
        {
            builder.HasOne(x => x.Customer).WithMany(x => x.Orders).HasForeignKey(x => x.CustomerId);
            builder.HasIndex(x => x.Status, "ix_orders_status"); // orders by status: a prefix of the next index, so it is pruned
            builder.HasIndex(x => new { x.Status, x.CreatedAt }, "ix_orders_status_created_at"); // newest orders in a status

            // A customer's open orders. Partial, so it cannot serve the foreign key: the conventions add ix_orders_customer_id.
            builder.HasIndex(x => new { x.CustomerId, x.CreatedAt })
                .HasDatabaseName("ix_orders_open_by_customer")
                .HasFilter("status = 0");
        });
    }
}
