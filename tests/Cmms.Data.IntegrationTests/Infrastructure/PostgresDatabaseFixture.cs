using Npgsql;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>
/// A class fixture that gives each test class its own fresh, empty database on the
/// <see cref="SharedPostgresServer"/>, dropped after the class's last test.
/// Prefer <see cref="PostgresDatabaseFixture{TTestClass}"/>, which names the database after the test class:
/// <code>
/// public sealed class OrderQueryTests(PostgresDatabaseFixture&lt;OrderQueryTests&gt; db)
///     : IClassFixture&lt;PostgresDatabaseFixture&lt;OrderQueryTests&gt;&gt;
/// {
///     [Fact]
///     public async Task Orders_are_found_by_machine()
///     {
///         await using var connection = await db.OpenConnectionAsync();
///         // ...
///     }
/// }
/// </code>
/// </summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private readonly string _nameHint;
    private readonly List<TestDatabase> _scratchDatabases = [];
    private TestDatabase? _database;

    /// <summary>Creates a fixture whose database name starts with <c>test_</c>.</summary>
    public PostgresDatabaseFixture()
        : this("test")
    {
    }

    /// <summary>Creates a fixture whose database name starts with <paramref name="nameHint"/>.</summary>
    protected PostgresDatabaseFixture(string nameHint) => _nameHint = nameHint;

    /// <summary>The shared server the database lives on.</summary>
    public static SharedPostgresServer Server => SharedPostgresServer.Instance;

    /// <summary>The class database's name.</summary>
    public string DatabaseName => Database.Name;

    /// <summary>An Npgsql connection string for the class database, as superuser.</summary>
    public string ConnectionString => Database.ConnectionString;

    private TestDatabase Database => _database
        ?? throw new InvalidOperationException("The fixture is not initialized: use it through IClassFixture<> or call InitializeAsync.");

    /// <summary>Opens a new connection to the class database.</summary>
    public Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        Database.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Creates another empty database for one test (for example to run migrations from scratch).
    /// Dispose it to drop it at once; any left undisposed are dropped with the class database.
    /// </summary>
    public async Task<TestDatabase> CreateScratchDatabaseAsync(string purpose, CancellationToken cancellationToken = default)
    {
        var database = await Server.CreateDatabaseAsync(purpose, cancellationToken);
        lock (_scratchDatabases)
        {
            _scratchDatabases.Add(database);
        }

        return database;
    }

    /// <summary>Creates the class database (starting the shared server if this is the first use).</summary>
    public async Task InitializeAsync() => _database = await Server.CreateDatabaseAsync(_nameHint);

    /// <summary>Drops the class database and any scratch databases left behind.</summary>
    public async Task DisposeAsync()
    {
        TestDatabase[] scratch;
        lock (_scratchDatabases)
        {
            scratch = [.. _scratchDatabases];
            _scratchDatabases.Clear();
        }

        foreach (var database in scratch)
        {
            await database.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// A <see cref="PostgresDatabaseFixture"/> whose database is named after <typeparamref name="TTestClass"/>
/// (<c>OrderQueryTests</c> gets <c>order_query_tests_1a2b3c4d</c>).
/// </summary>
/// <typeparam name="TTestClass">The test class using the fixture.</typeparam>
public class PostgresDatabaseFixture<TTestClass> : PostgresDatabaseFixture
{
    /// <summary>Creates the fixture.</summary>
    public PostgresDatabaseFixture()
        : base(DatabaseNames.HintFor(typeof(TTestClass)))
    {
    }
}
