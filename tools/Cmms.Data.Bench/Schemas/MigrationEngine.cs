namespace Cmms.Data.Bench.Schemas;

/// <summary>Who applies the migrations: plain EF Core, or Cmms.Data's engine. Both run <c>context.Database.MigrateAsync()</c>.</summary>
internal enum MigrationEngine
{
    /// <summary>
    ///     The same model and migrations without <c>UseSafeMigrations()</c>: EF Core and Npgsql generate plain
    ///     <c>CREATE INDEX</c> / <c>DROP INDEX</c> inside the migration's transaction.
    /// </summary>
    PlainEfCore,

    /// <summary><c>UseCmmsData</c>, and so <c>UseSafeMigrations()</c>: concurrent builds and drops, a <c>lock_timeout</c>.</summary>
    CmmsData,
}
