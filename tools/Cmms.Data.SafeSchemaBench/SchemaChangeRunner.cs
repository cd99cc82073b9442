using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cmms.Data.SafeSchemaBench;

/// <summary>
///     Applies a change to a freshly built busy table while a <see cref="BusyWriter" /> writes to it, through EF Core's own
///     migration command executor (transactions as a migration has them), with or without Cmms.Data's safe SQL.
/// </summary>
internal sealed class SchemaChangeRunner(string connectionString, int rows, TimeSpan lockTimeout)
{
    public async Task<Measurement> RunAsync(SchemaChange change, bool rewritten)
    {
        await BusyTable.CreateAsync(connectionString, change.Table, rows, change.WithPrimaryKey);

        var options = new DbContextOptionsBuilder().UseNpgsql(connectionString);
        if (rewritten)
        {
            options.UseSafeMigrations(s => s.LockTimeout(lockTimeout));
        }

        await using var context = new DbContext(options.Options);
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate([change.Operation()]);
        var executor = context.GetService<IMigrationCommandExecutor>();
        var connection = context.GetService<IRelationalConnection>();

        var writer = await BusyWriter.StartAsync(connectionString, change.Table, rows);
        TimeSpan elapsed;
        await using (writer)
        {
            writer.StartMeasuring();
            var clock = Stopwatch.StartNew();
            await executor.ExecuteNonQueryAsync(commands, connection);
            elapsed = clock.Elapsed;
        }

        if (writer.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The writer failed during {change.Name}: {writer.Errors[0].Message}");
        }

        return new Measurement(change.Name, rewritten, elapsed, writer.LongestStatement, writer.Statements);
    }
}
