using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>
///     Runs <c>dotnet ef database update</c> exactly as the README documents it, against the build this test runs from.
/// </summary>
public sealed class DotnetEfDatabaseUpdateTests(PostgresDatabaseFixture<DotnetEfDatabaseUpdateTests> db)
    : IClassFixture<PostgresDatabaseFixture<DotnetEfDatabaseUpdateTests>>
{
    [Fact]
    public async Task Dotnet_ef_database_update_applies_both_migrations_with_the_design_time_factory()
    {
        // A fresh clone has not restored the local tool manifest (.config/dotnet-tools.json) yet.
        var restore = await Repository.DotnetAsync(Repository.Root, null, "tool", "restore");
        restore.ExitCode.Should().Be(0, restore.Output);

        var update = await Repository.DotnetAsync(
            Repository.Root,
            new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = db.ConnectionString },
            "ef", "database", "update", "--project", "migrations/Cmms.Data.Migrations", "--configuration", Repository.Configuration, "--no-build");

        update.ExitCode.Should().Be(0, update.Output);
        update.Output.Should().NotContain("cannot be executed in a transaction", "InitialSchema stays one transaction and AddIndexes' statements are rerunnable")
            .And.MatchRegex(@"AddIndexes: \d+ statement\(s\) run outside a transaction, as PostgreSQL requires for them, each guarded so that it can run again: "
                + "if the run stops, running the migration again resumes it; nothing needs reverting by hand.");
        await using var context = CmmsContexts.Create(db.ConnectionString);
        (await context.Database.GetAppliedMigrationsAsync()).Should().Equal(context.Database.GetMigrations());
        (await CatalogIndexes.ReadAsync(db.ConnectionString)).Should().Contain(i => i.Shape.Name == "ix_orders_user_id_status_created_at" && i.IsValid);
    }

    [Fact]
    public async Task Dotnet_ef_database_update_without_or_with_an_unreachable_connection_fails_with_one_line_naming_the_variable()
    {
        string[] update = ["ef", "database", "update", "--project", "migrations/Cmms.Data.Migrations", "--configuration", Repository.Configuration, "--no-build"];

        var unset = await Repository.DotnetAsync(Repository.Root, Connection(string.Empty), update);
        var unreachable = await Repository.DotnetAsync(
            Repository.Root, Connection("Host=127.0.0.1;Port=1;Database=nowhere;Username=ci;Password=hunter2secret"), update);

        unset.ExitCode.Should().NotBe(0);
        ErrorLines(unset.Output).Should().Equal(
            "CMMS_DB_CONNECTION is not set: set it to the Npgsql connection string of the database to migrate (for the embedded development "
            + "server, `dotnet run --project tools/Cmms.Data.Tool -- embedded start` prints one).");
        unreachable.ExitCode.Should().NotBe(0);
        ErrorLines(unreachable.Output).Should().ContainSingle().Which.Should()
            .StartWith("Cannot connect to database 'nowhere' on 127.0.0.1:1 as 'ci' from CMMS_DB_CONNECTION (")
            .And.EndWith("): check the variable (for the embedded development server, `dotnet run --project tools/Cmms.Data.Tool -- embedded start` prints one).");
        unreachable.Output.Should().NotContain("hunter2secret");
    }

    // dotnet ef prints "Build started…"-style progress and then the failure; stack frames would start with "at ".
    private static IReadOnlyList<string> ErrorLines(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("Build ", StringComparison.Ordinal))
            .ToList();

    private static Dictionary<string, string> Connection(string connectionString) => new() { ["CMMS_DB_CONNECTION"] = connectionString };
}
