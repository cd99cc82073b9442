using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     A script command that is safe to run again by itself (it carries its own IF [NOT] EXISTS guard), so an idempotent
///     script runs it outside the <c>DO $EF$ … END $EF$</c> block that checks the migrations history.
/// </summary>
internal sealed class RerunnableCommand(IRelationalCommand command, DbContext? context, IRelationalCommandDiagnosticsLogger logger, bool transactionSuppressed)
    : MigrationCommand(command, context, logger, transactionSuppressed)
{
    /// <summary>Written once at the top of an idempotent script that has rerunnable commands.</summary>
    public const string ScriptNote =
        "-- Statements outside the DO $EF$ blocks are guarded by their own IF [NOT] EXISTS: PostgreSQL refuses them inside a function, and they run again safely.";
}
