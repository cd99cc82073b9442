namespace Cmms.Data.LocalPostgres;

/// <summary>
/// Thrown when a local cluster cannot be created, started, stopped or queried
/// (for example <c>initdb</c> or <c>pg_ctl</c> exited with an error or timed out).
/// The first line of <see cref="Exception.Message"/> says what failed; when a server log
/// exists, its last lines follow.
/// </summary>
public sealed class LocalPostgresException : Exception
{
    /// <summary>Creates the exception with the given message.</summary>
    public LocalPostgresException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public LocalPostgresException()
        : base("A local PostgreSQL cluster operation failed.")
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public LocalPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Builds an exception whose message is <paramref name="summary"/> followed by the last lines
    /// of <paramref name="logFile"/> (when it exists and is not empty).
    /// </summary>
    internal static LocalPostgresException WithLogTail(string summary, string? logFile, int lines = 20)
    {
        var tail = logFile is null ? [] : ServerLog.Tail(logFile, lines);
        if (tail.Count == 0)
        {
            return new LocalPostgresException(summary);
        }

        var text = summary + Environment.NewLine
            + $"Last lines of {logFile}:" + Environment.NewLine
            + string.Join(Environment.NewLine, tail.Select(line => "  " + line));
        return new LocalPostgresException(text);
    }
}
