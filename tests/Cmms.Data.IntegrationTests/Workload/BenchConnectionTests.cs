using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Workload;

/// <summary>cmms-bench reads its connection string with cmms-db's reader (tools/Shared/Connection), so it takes the same forms.</summary>
public sealed class BenchConnectionTests(PostgresDatabaseFixture<BenchConnectionTests> db) : IClassFixture<PostgresDatabaseFixture<BenchConnectionTests>>
{
    [Fact]
    public async Task Cmms_bench_takes_a_postgresql_uri_and_reaches_the_server_and_database_it_names()
    {
        var server = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var missing = "cmms_bench_uri_" + Guid.NewGuid().ToString("N")[..8];
        var credentials = Uri.EscapeDataString(server.Username!) + (string.IsNullOrEmpty(server.Password) ? string.Empty : ":" + Uri.EscapeDataString(server.Password));

        var run = await CmmsBenchRun.InProcessAsync("bench", "--scale", "0.01", "--connection", $"postgresql://{credentials}@{server.Host}:{server.Port}/{missing}");

        // The server answered for the database the URI names: host, port, user and database were all read from it.
        run.ExitCode.Should().Be(1, run.Error);
        run.ErrorLines.Should().ContainSingle().Which.Should().Be($"cmms-bench: 3D000: database \"{missing}\" does not exist");
    }

    [Fact]
    public async Task A_malformed_uri_is_one_line_naming_the_wrong_part_and_both_accepted_forms_without_its_text()
    {
        var run = await CmmsBenchRun.InProcessAsync("bench", "--connection", "postgresql://user:s3cret@host:notaport/db");

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith("cmms-bench: The connection string is malformed: ")
            .And.EndWith("Expected Host=…;Port=5432;Database=…;Username=…;Password=… or postgresql://user:password@host:5432/database.")
            .And.Contain("port").And.NotContain("s3cret").And.NotContain("notaport");
    }
}
