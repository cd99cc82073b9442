using Cmms.Data.Bench.Advice;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Advice;

/// <summary>
///     The advise demo database (<see cref="AdviseDemoDatabase" />) at scale 0.1, on a throwaway server of its own
///     (the shared test server does not preload pg_stat_statements), shared by the tests of one class.
/// </summary>
public sealed class AdviseWorkloadFixture : IAsyncLifetime
{
    /// <summary>How many times each catalog query ran (its calls in pg_stat_statements).</summary>
    public const int Runs = 3;

    private AdviseDemoDatabase? _database;

    private AdviseDemoDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The Cmms.Data database's connection string (superuser).</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <summary>The parameters each catalog query ran with, by id.</summary>
    public IReadOnlyDictionary<string, object[]> Parameters => Database.Parameters;

    /// <inheritdoc />
    public async Task InitializeAsync() => _database = await AdviseDemoDatabase.CreateAsync(0.1, Runs, CancellationToken.None);

    /// <summary>Opens a connection to the Cmms.Data database.</summary>
    public Task<NpgsqlConnection> OpenAsync() => Database.OpenAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
