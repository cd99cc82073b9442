using System.Data.Common;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Cmms.Data.Migrations;

/// <summary>
///     Turns the design-time connection's failures into one line for <c>dotnet ef</c> and efbundle: a missing or malformed
///     <c>CMMS_DB_CONNECTION</c> before anything connects, an unreachable server or a refused login when it happens.
/// </summary>
/// <param name="problem">Why there is no usable connection string, or <see langword="null" /> when there is one.</param>
internal sealed class DesignTimeConnectionInterceptor(string? problem) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => problem is null ? result : throw new OperationException(problem);

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
        => problem is null ? ValueTask.FromResult(result) : throw new OperationException(problem);

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
        => throw Explain(connection, eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
        => throw Explain(connection, eventData.Exception);

    private static OperationException Explain(DbConnection connection, Exception failure)
    {
        if (failure is OperationException explained)
        {
            return explained;
        }

        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        var reason = (failure as PostgresException)?.MessageText ?? failure.GetBaseException().Message;
        return new OperationException(
            $"Cannot connect to database '{builder.Database}' on {builder.Host}:{builder.Port} as '{builder.Username}' from "
            + $"{CmmsDesignTimeDbContextFactory.ConnectionVariable} ({reason}): check the variable "
            + $"({CmmsDesignTimeDbContextFactory.EmbeddedServerHint}).",
            failure);
    }
}
