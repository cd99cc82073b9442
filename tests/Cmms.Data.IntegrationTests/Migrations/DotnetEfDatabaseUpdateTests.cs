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
        var repository = FindRepositoryRoot();
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

    private static Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, string? connection, params string[] arguments)
        => ChildProcess.RunAsync(
            "dotnet",
            arguments,
            connection is null ? null : new Dictionary<string, string> { ["CMMS_DB_CONNECTION"] = connection },
            workingDirectory);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cmms.Data.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The test does not run from inside the repository: Cmms.Data.sln was not found above " + AppContext.BaseDirectory);
    }
}
