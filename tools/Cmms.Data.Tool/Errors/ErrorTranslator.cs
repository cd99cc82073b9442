using System.Net.Sockets;
using Cmms.Data.Analysis;
using Cmms.Data.Analysis.Advice;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.LocalPostgres;
using Cmms.Data.Tool.CommandLine;
using Cmms.Data.Tool.Connection;
using Npgsql;

namespace Cmms.Data.Tool.Errors;

/// <summary>
///     Turns any failure into the one line cmms-db prints: what is wrong and what to do, never a stack trace and
///     never a password.
/// </summary>
internal static class ErrorTranslator
{
    public static ToolException Translate(Exception exception, DatabaseConnection? connection)
    {
        var translated = exception switch
        {
            ToolException tool => tool,
            AdviceException advice => new ToolException(advice.Message),
            AnalysisException analysis => new ToolException(analysis.Message, ExitCodes.Usage),
            AggregateException { InnerExceptions.Count: 1 } aggregate => Translate(aggregate.InnerException!, connection),
            PostgresException postgres => FromPostgres(postgres, connection),
            NpgsqlException npgsql when FindInner<SocketException>(npgsql) is { } socket => Unreachable(connection, socket.Message),
            NpgsqlException npgsql when FindInner<TimeoutException>(npgsql) is not null
                || npgsql.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase)
                => Unreachable(connection, "the connection attempt timed out"),
            NpgsqlException npgsql => new ToolException($"Database error: {npgsql.Message}"),
            PostgresNotFoundException notFound => new ToolException(notFound.Message),
            LocalPostgresException local => new ToolException($"The embedded PostgreSQL server failed: {FirstLine(local.Message)}"),
            OperationCanceledException => new ToolException("Cancelled."),
            _ when exception.InnerException is PostgresException or NpgsqlException => Translate(exception.InnerException, connection),
            _ => new ToolException($"Unexpected error ({exception.GetType().Name}): {FirstLine(exception.Message)}"),
        };

        // The original stays attached for --verbose, which prints it scrubbed (CmmsDbApp). Server messages quote
        // object names, which may hold newlines or terminal escapes: escaped, the failure stays one inert line.
        string[] secrets = connection?.Password is { Length: > 0 } password ? [connection.ConnectionString, password] : [];
        var message = UnprintableText.Escape(SecretRedactor.Redact(translated.Message, secrets));
        return ReferenceEquals(translated, exception) && message == translated.Message && secrets.Length == 0
            ? translated
            : new ToolException(message, translated.InnerException ?? exception, translated.ExitCode)
            {
                Secrets = [.. translated.Secrets, .. secrets],
            };
    }

    private static ToolException FromPostgres(PostgresException postgres, DatabaseConnection? connection)
    {
        var target = connection?.Description ?? "the server";
        return postgres.SqlState switch
        {
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                new ToolException($"Authentication failed on {target}: {postgres.MessageText}. Check Username and Password in the connection string."),
            PostgresErrorCodes.InvalidCatalogName =>
                new ToolException($"{postgres.MessageText} on {target}. Create the database or fix Database= in the connection string."),
            PostgresErrorCodes.LockNotAvailable =>
                new ToolException($"Gave up waiting for a table lock ({postgres.MessageText}): another transaction holds it. Retry when that transaction ends."),
            PostgresErrorCodes.InsufficientPrivilege =>
                new ToolException($"Permission denied on {target}: {postgres.MessageText}. Use a role with the privileges this command needs (migrate: the schema owner; analyze: read access to the catalog)."),
            _ => new ToolException($"PostgreSQL error {postgres.SqlState}: {postgres.MessageText}"),
        };
    }

    private static ToolException Unreachable(DatabaseConnection? connection, string reason)
        => new($"Cannot reach PostgreSQL at {connection?.Endpoint ?? "the configured host"}: {reason}. "
            + "Check Host and Port, and that the server is running and accepts TCP connections.");

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
