using System.Diagnostics;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Migrations;

namespace Cmms.Data.Tool.Workload.Schemas;

/// <summary>
///     Applies the Cmms.Data migrations exactly as <c>cmms-db migrate</c> does (the <see cref="MigrationRunner" />:
///     migration lock, preflight, EF Core's migrator with the lock-safe SQL generator, index summary) with its
///     default settings, quietly, and times it.
/// </summary>
internal static class MigrationApplier
{
    public static async Task<TimeSpan> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = ConnectionResolver.Validate(connectionString, ConnectionSource.Option);
        var quiet = new ProgressWriter(new ToolConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false));
        var watch = Stopwatch.StartNew();
        await new MigrationRunner(connection, quiet).RunAsync(MigrateRequest.Default, cancellationToken).ConfigureAwait(false);
        return watch.Elapsed;
    }
}
