namespace Cmms.Data.Tests.Conventions.TestModels;

/// <summary>The database provider a test model is built for.</summary>
internal enum TestProvider
{
    /// <summary>Npgsql, the provider the conventions were written for.</summary>
    PostgreSql,

    /// <summary>Microsoft.EntityFrameworkCore.Sqlite.</summary>
    Sqlite,
}
