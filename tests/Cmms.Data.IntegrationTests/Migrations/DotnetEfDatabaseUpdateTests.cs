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
        var repository = RepositoryRoot.Find();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        // A fresh clone has not restored the local tool manifest (.config/dotnet-tools.json) yet.
        var restore = await DotnetAsync(repository, null, "tool", "restore");
        restore.ExitCode.Should().Be(0, restore.Output);

        var update = await DotnetAsync(
            repository,
            db.ConnectionString,
            "ef", "database", "update", "--project", "migrations/Cmms.Data.Migrations", "--configuration", configuration, "--no-build");

        update.ExitCode.Should().Be(0, update.Output);
        update.Output.Should().NotContain("from migration 'InitialSchema' cannot be executed in a transaction", "InitialSchema stays one transaction");
        await using var context = CmmsContexts.Create(db.ConnectionString);
        (await context.Database.GetAppliedMigrationsAsync()).Should().Equal(context.Database.GetMigrations());
        (await CatalogIndexes.ReadAsync(db.ConnectionString)).Should().Contain(i => i.Shape.Name == "ix_orders_user_id_status_created_at" && i.IsValid);
    }

    [Fact]
    public async Task Dotnet_ef_database_update_without_or_with_an_unreachable_connection_fails_with_one_line_naming_the_variable()
    {
        var repository = RepositoryRoot.Find();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        string[] update = ["ef", "database", "update", "--project", "migrations/Cmms.Data.Migrations", "--configuration", configuration, "--no-build"];

        var unset = await DotnetAsync(repository, string.Empty, update);
        var unreachable = await DotnetAsync(repository, "Host=127.0.0.1;Port=1;Database=nowhere;Username=ci;Password=hunter2secret", update);

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

    private static Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, string? connection, params string[] arguments)
        => ChildProcess.RunAsync(
            "dotnet",
            arguments,
            connection is null ? null : new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = connection },
            workingDirectory);
}
