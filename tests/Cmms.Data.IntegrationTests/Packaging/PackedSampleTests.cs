using System.Diagnostics;
using System.Text.RegularExpressions;
using Cmms.Data.IntegrationTests.Infrastructure;

namespace Cmms.Data.IntegrationTests.Packaging;

/// <summary>
///     samples/Cmms.Data.Sample restored from the packed Cmms.Data.Conventions (never a project reference): its
///     migrations, what <c>dotnet ef</c> makes of its model, and the sample itself migrating a real PostgreSQL database.
/// </summary>
public sealed partial class PackedSampleTests(PackedSample sample, PostgresDatabaseFixture<PackedSampleTests> db)
    : IClassFixture<PackedSample>, IClassFixture<PostgresDatabaseFixture<PackedSampleTests>>
{
    private const string EmailIndexRemoved =
        "The index 'ix_customers_email' on table 'customers' (email) was removed: it is a duplicate of the key "
        + "'ak_customers_email'. Delete its declaration, or mark it AllowRedundant() to keep it.";

    private const string StatusIndexRemoved =
        "The index 'ix_orders_status' on table 'orders' (status) was removed: it is a leading prefix of the index "
        + "'ix_orders_status_created_at'. Delete its declaration, or mark it AllowRedundant() to keep it.";

    [Fact]
    public void The_conventions_come_from_the_feed_in_the_version_of_this_build()
    {
        var restored = Path.Combine(sample.Packages, "cmms.data.conventions", sample.PackageVersion.ToLowerInvariant());

        File.ReadAllText(Path.Combine(restored, ".nupkg.metadata")).Should().Contain(sample.Feed.Replace("\\", "\\\\", StringComparison.Ordinal));
        FileVersionInfo.GetVersionInfo(Path.Combine(sample.Directory, "bin", "Release", "net10.0", "Cmms.Data.Conventions.dll"))
            .ProductVersion.Should().StartWith(sample.PackageVersion + "+");
    }

    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        var output = await sample.DotnetEfAsync(sample.Directory, "migrations", "has-pending-model-changes");

        output.Should().Contain("No changes have been made to the model since the last migration.");
    }

    [Fact]
    public async Task Migrations_add_warns_of_each_pruned_index_and_scaffolds_only_the_indexes_the_model_needs()
    {
        var fresh = sample.CopySample("fresh", withMigrations: false);
        await sample.DotnetAsync(fresh, "build", "--configuration", "Release");
        var generated = Path.Combine(fresh, "generated");

        var output = await sample.DotnetEfAsync(fresh, "migrations", "add", "Initial", "--output-dir", generated);

        output.Should().Contain(EmailIndexRemoved).And.Contain(StatusIndexRemoved);
        var migration = File.ReadAllText(Directory.GetFiles(generated, "*_Initial.cs").Single());
        CreatedIndexNames(migration).Should().BeEquivalentTo("ix_orders_customer_id", "ix_orders_open_by_customer", "ix_orders_status_created_at");
        migration.Should().Contain("""filter: "status = 0" """.TrimEnd())
            .And.Contain("""table.UniqueConstraint("ak_customers_email", x => x.email);""");
    }

    [Fact]
    public async Task Migrations_script_sets_a_lock_timeout_and_builds_indexes_on_existing_tables_concurrently()
    {
        var file = Path.Combine(sample.Directory, "schema.sql");
        await sample.DotnetEfAsync(sample.Directory, "migrations", "script", "--output", file);
        var script = File.ReadAllText(file);

        script.Should().Contain("SET lock_timeout = '5000ms';")
            .And.Contain("CREATE INDEX ix_orders_customer_id ON orders (customer_id);", "the orders table is new in that migration")
            .And.Contain("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_open_by_customer ON orders (customer_id, created_at) WHERE status = 0;")
            .And.Contain("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_status_created_at ON orders (status, created_at);")
            .And.NotContain("ix_customers_email")
            .And.NotContain("ix_orders_status ON");
    }

    [Fact]
    public async Task The_sample_migrates_a_real_database_at_start_up_and_uses_it()
    {
        var assembly = Path.Combine(sample.Directory, "bin", "Release", "net10.0", "Cmms.Data.Sample.dll");

        var first = await sample.DotnetAsync(sample.Directory, assembly, db.ConnectionString);
        var second = await sample.DotnetAsync(sample.Directory, assembly, db.ConnectionString);

        first.Should().Contain("pruned: ix_customers_email on customers (email): DuplicateOfKey, covered by ak_customers_email")
            .And.Contain("pruned: ix_orders_status on orders (status): PrefixOfIndex, covered by ix_orders_status_created_at")
            .And.Contain("customers: 1, open orders of the new customer: 1");
        second.Should().Contain("customers: 2, open orders of the new customer: 1", "the second start finds the schema migrated");
        (await Sql.ListAsync<string>(
                db.ConnectionString,
                "SELECT indexname::text FROM pg_indexes WHERE tablename IN ('customers', 'orders') ORDER BY indexname"))
            .Should().Equal("ak_customers_email", "ix_orders_customer_id", "ix_orders_open_by_customer", "ix_orders_status_created_at", "pk_customers", "pk_orders");
        (await Sql.ListAsync<string>(db.ConnectionString, "SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY migration_id"))
            .Select(id => id[15..]).Should().Equal("InitialCreate", "AddOrderIndexes");
    }

    [Theory]
    [InlineData("ShopContext.cs")]
    [InlineData("ShopContextFactory.cs")]
    [InlineData("Program.cs")]
    public void The_README_shows_the_sample_code_this_test_class_builds_and_runs(string file)
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var code = File.ReadAllText(Path.Combine(Repository.Root, "samples", "Cmms.Data.Sample", file)).TrimEnd();

        readme.Should().Contain("```csharp\n" + code + "\n```", "README's \"A complete application\" is the sample's code, as it is");
    }

    private static IReadOnlyList<string> CreatedIndexNames(string migration)
        => CreateIndexName().Matches(migration).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("""CreateIndex\(\s*name: "([^"]+)"[^;]*?;""", RegexOptions.Singleline)]
    private static partial Regex CreateIndexName();
}
