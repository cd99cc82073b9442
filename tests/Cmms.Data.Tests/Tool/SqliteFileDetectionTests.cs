using Cmms.Data.Tool.Connection;

namespace Cmms.Data.Tests.Tool;

/// <summary>cmms-db tells a SQLite file from a PostgreSQL database by the connection text; --provider overrides it. Needs no database.</summary>
public sealed class SqliteFileDetectionTests
{
    [Theory]
    [InlineData("Data Source=app.db", "Data Source=app.db")]
    [InlineData("data source=/srv/cmms/app;Default Timeout=3", "data source=/srv/cmms/app;Default Timeout=3")]
    [InlineData("Filename=app.sqlite", "Filename=app.sqlite")]
    [InlineData("app.db", "Data Source=app.db")]
    [InlineData(" /var/lib/cmms/App.SQLITE3 ", "Data Source=/var/lib/cmms/App.SQLITE3")]
    public void A_data_source_or_a_path_with_a_SQLite_extension_names_a_SQLite_file(string connection, string sqlite)
        => SqliteFile.ConnectionString(connection, provider: null).Should().Be(sqlite);

    [Theory]
    [InlineData("Host=db;Database=cmms;Username=app")]
    [InlineData("Server=db;Data Source=x.db")]
    [InlineData("postgresql://app@db/cmms.db")]
    [InlineData("app.data")]
    [InlineData("Host=db;Password=\"a;b\"")]
    [InlineData("")]
    public void Npgsql_keywords_uris_and_other_paths_name_PostgreSQL(string connection)
        => SqliteFile.ConnectionString(connection, provider: null).Should().BeNull();

    [Fact]
    public void The_provider_option_forces_either_engine()
    {
        SqliteFile.ConnectionString("app.data", SqliteFile.SqliteProvider).Should().Be("Data Source=app.data");
        SqliteFile.ConnectionString("Data Source=app.db", SqliteFile.PostgreSqlProvider).Should().BeNull();
    }

    [Fact]
    public void A_SQLite_path_is_no_secret_but_its_password_is()
    {
        ConnectionResolver.Secrets("Data Source=app.db").Should().BeEmpty();
        ConnectionResolver.Secrets("Data Source=app.db;Password=Zq7-Hunter").Should().Equal("Zq7-Hunter");
        ConnectionResolver.Secrets("Host=db;Password=Zq7-Hunter").Should().Equal("Host=db;Password=Zq7-Hunter", "Zq7-Hunter");
    }
}
