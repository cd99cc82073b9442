using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.IntegrationTests.Migrations.Rewrites;

/// <summary>
///     Runs a test's action right before the migrator sends each command, with the command's text: the way to put another
///     session's write exactly between two steps of a rewrite, every run, instead of hoping a timing falls there.
/// </summary>
/// <param name="action">What to do before the command with this text is sent.</param>
internal sealed class BeforeCommand(Func<string, Task> action) : DbCommandInterceptor
{
    /// <summary>The text of every command the migrator sent, in order.</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Sent.Enqueue(command.CommandText);
        action(command.CommandText).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(command.CommandText);
        await action(command.CommandText);
        return result;
    }
}
