using Cmms.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Tests.Conventions.TestModels;

/// <summary>
///     A small context whose model each test configures, built with the conventions on an unused connection string.
/// </summary>
internal sealed class ConventionTestContext(DbContextOptions options, Action<ModelBuilder> configure) : DbContext(options)
{
    public Guid ModelKey { get; } = Guid.NewGuid();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Parent>(b =>
        {
            b.ToTable("parents");
            b.HasAlternateKey(p => new { p.TenantId, p.Code });
        });
        modelBuilder.Entity<Child>(b =>
        {
            b.ToTable("children");
            b.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId);
        });
        configure(modelBuilder);

        // EFCore.NamingConventions replaces the database name of an index named through HasIndex(..., name)
        // (efcore/EFCore.NamingConventions#268): the tests' index names are database names, as HasDatabaseName makes them.
        foreach (var index in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredIndexes()).Where(i => i.Name is not null))
        {
            index.SetDatabaseName(index.Name);
        }
    }

    /// <summary>Builds the design-time model of a test configuration.</summary>
    public static IModel BuildModel(
        Action<ModelBuilder> configure,
        Action<IndexConventionsOptionsBuilder>? conventions = null,
        ILoggerFactory? loggerFactory = null,
        bool indexConventions = true,
        Action<DbContextOptionsBuilder>? configureOptions = null,
        bool snakeCaseNames = true,
        TestProvider provider = TestProvider.PostgreSql)
    {
        var options = new DbContextOptionsBuilder()
            .ReplaceService<IModelCacheKeyFactory, PerInstanceModelCacheKeyFactory>();
        if (provider == TestProvider.Sqlite)
        {
            // Never opened: building the model needs no database file.
            options.UseSqlite("Data Source=unused.db");

            // SQLite has no type for a JsonDocument (Npgsql maps it to jsonb).
            var declare = configure;
            configure = mb =>
            {
                mb.Entity<Child>().Ignore(c => c.Doc);
                declare(mb);
            };
        }
        else
        {
            options.UseNpgsql("Host=unused;Database=unused");
        }

        if (snakeCaseNames)
        {
            options.UseSnakeCaseNamingConvention();
        }

        if (indexConventions)
        {
            options.UseIndexConventions(conventions);
        }

        if (loggerFactory is not null)
        {
            options.UseLoggerFactory(loggerFactory).EnableSensitiveDataLogging();
        }

        configureOptions?.Invoke(options);

        using var context = new ConventionTestContext(options.Options, configure);
        return context.GetService<IDesignTimeModel>().Model;
    }

    private sealed class PerInstanceModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime)
            => (((ConventionTestContext)context).ModelKey, designTime);
    }
}
