using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>
///     Debian's <c>pgbouncer</c> as a child process on loopback, in front of one test database, with its own ini file and
///     user list in a temporary directory; disposing stops it and removes the directory.
/// </summary>
/// <remarks>
///     PgBouncer refuses to run as root, so as root it runs as the <c>postgres</c> OS user, as the test server does.
///     https://www.pgbouncer.org/config.html
/// </remarks>
public sealed class PgBouncer : IAsyncDisposable
{
    /// <summary>Where Debian's package installs it (<c>apt-get install pgbouncer</c>; <c>.ci/run</c> installs it).</summary>
    public const string Program = "/usr/sbin/pgbouncer";

    private const string User = "postgres";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private PgBouncer(Process process, DirectoryInfo directory, string connectionString)
    {
        _process = process;
        _directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>A connection string to the database through the pooler (Npgsql pooling off, so each connection is one client).</summary>
    public string ConnectionString { get; }

    /// <summary>
    ///     Starts PgBouncer in <paramref name="poolMode" /> (<c>session</c>, <c>transaction</c>, <c>statement</c>) in front of
    ///     <paramref name="database" />, handing out its idle server connections most recently used first (its default) or,
    ///     with <paramref name="serverRoundRobin" />, in turn (<c>server_round_robin = 1</c>), from at most
    ///     <paramref name="poolSize" /> server connections.
    /// </summary>
    public static async Task<PgBouncer> StartAsync(TestDatabase database, string poolMode, bool serverRoundRobin = false, int poolSize = 20)
    {
        File.Exists(Program).Should().BeTrue($"the tests run PgBouncer from {Program} (apt-get install pgbouncer)");
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var port = Cmms.Data.LocalPostgres.LoopbackPort.FindFree();
        var directory = Directory.CreateTempSubdirectory("cmms-pgbouncer-");
        var serverPassword = string.IsNullOrEmpty(server.Password) ? string.Empty : $" password={server.Password}";
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "userlist.txt"), $"\"{User}\" \"\"\n");
        await File.WriteAllTextAsync(
            Path.Combine(directory.FullName, "pgbouncer.ini"),
            $"""
            [databases]
            {database.Name} = host={server.Host} port={server.Port} dbname={database.Name} user={server.Username}{serverPassword}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {directory.FullName}/userlist.txt
            pool_mode = {poolMode}
            server_round_robin = {(serverRoundRobin ? 1 : 0)}
            default_pool_size = {poolSize}
            max_client_conn = 100
            logfile = {directory.FullName}/pgbouncer.log

            """);
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
        {
            // The postgres OS user reads the ini file and writes its log here.
            directory.UnixFileMode |= UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        }

        var start = new ProcessStartInfo(Environment.IsPrivilegedProcess ? "runuser" : Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])(Environment.IsPrivilegedProcess
                     ? ["-u", User, "--", Program, Path.Combine(directory.FullName, "pgbouncer.ini")]
                     : [Path.Combine(directory.FullName, "pgbouncer.ini")]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bouncer = new PgBouncer(
            process,
            directory,
            new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Database = database.Name,
                Username = User,
                Pooling = false,
                ApplicationName = "pgbouncer test",
            }.ConnectionString);
        await bouncer.WaitUntilListeningAsync(port);
        return bouncer;
    }

    /// <summary>
    ///     Leaves <paramref name="servers" /> idle server connections in the pool, as earlier clients would: that many
    ///     clients each run one statement that waits until all of them (the same text) run at once (so in any pool mode each has a server
    ///     connection of its own, however slowly PgBouncer opens them), then disconnect. Returns their backend pids.
    /// </summary>
    /// <remarks>
    ///     One statement, not a transaction, so that statement mode allows it; it reports its pid as a notice. A backend
    ///     counts from when it started the statement (an idle one shows its last query), so that the first to finish does
    ///     not hold the others back; none finishes before that many distinct backends ran it.
    ///     <c>pg_stat_clear_snapshot()</c> makes each look at <c>pg_stat_activity</c> a fresh one.
    ///     https://www.postgresql.org/docs/current/monitoring-stats.html#MONITORING-STATS-FUNCTIONS
    /// </remarks>
    public async Task<IReadOnlyList<int>> WarmAsync(int servers)
    {
        var connections = Enumerable.Range(0, servers).Select(_ => new NpgsqlConnection(ConnectionString)).ToList();
        try
        {
            return await Task.WhenAll(connections.Select(async connection =>
            {
                await connection.OpenAsync();
                var pid = 0;
                connection.Notice += (_, e) => pid = int.Parse(e.Notice.MessageText, CultureInfo.InvariantCulture);
                await using var command = new NpgsqlCommand(
                    $$"""
                    DO $$
                    BEGIN
                        WHILE (SELECT count(*) FROM pg_stat_activity WHERE query = current_query()) < {{servers}} LOOP
                            PERFORM pg_stat_clear_snapshot();
                            PERFORM pg_sleep(0.01);
                        END LOOP;
                        RAISE NOTICE '%', pg_backend_pid();
                    END
                    $$
                    """,
                    connection);
                await command.ExecuteNonQueryAsync();
                return pid;
            }));
        }
        finally
        {
            // Only now: in session mode a departing client's server is reset (DISCARD ALL), which would change its query.
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    ///     <c>current_setting(<paramref name="setting" />)</c> on <paramref name="clients" /> server connections of the pool
    ///     at once: each client holds a transaction open until all have answered, so no two share a server connection.
    /// </summary>
    public async Task<IReadOnlyList<string>> SettingOnServerConnectionsAsync(string setting, int clients)
    {
        var connections = new List<NpgsqlConnection>();
        try
        {
            var answers = new List<string>();
            for (var i = 0; i < clients; i++)
            {
                var connection = new NpgsqlConnection(ConnectionString);
                connections.Add(connection);
                await connection.OpenAsync();
                var transaction = await connection.BeginTransactionAsync();
                await using var command = new NpgsqlCommand("SELECT current_setting($1)", connection, transaction) { Parameters = { new() { Value = setting } } };
                answers.Add((string)(await command.ExecuteScalarAsync())!);
            }

            return answers;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            _process.HasExited.Should().BeFalse($"pgbouncer exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Log()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private string Log()
    {
        var path = Path.Combine(_directory.FullName, "pgbouncer.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }
}
