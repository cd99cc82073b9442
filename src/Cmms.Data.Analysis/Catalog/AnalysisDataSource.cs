using Npgsql;

namespace Cmms.Data.Analysis.Catalog;

/// <summary>The data source the command-line tool reads catalogs through.</summary>
internal static class AnalysisDataSource
{
    /// <summary>A pool for <paramref name="connectionString" />, named in <c>pg_stat_activity</c> unless the string names it.</summary>
    public static NpgsqlDataSource Create(string connectionString, string applicationName)
    {
        var source = new NpgsqlDataSourceBuilder(connectionString);
        source.ConnectionStringBuilder.ApplicationName ??= applicationName;

        // Every column read is of a built-in type, so loading the database's types at connect time is wasted work.
        source.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        return source.Build();
    }
}
