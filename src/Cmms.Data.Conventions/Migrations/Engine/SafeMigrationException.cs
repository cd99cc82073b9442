namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     A safe migration run refused to start or stopped: its <see cref="Exception.Message" /> is one line saying what is
///     wrong, what happened to the database and what to do. Hosts show the message; the inner exception has the details.
/// </summary>
public sealed class SafeMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: what is wrong and what to do.</param>
    public SafeMigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    /// <param name="message">One line: what is wrong and what to do.</param>
    /// <param name="innerException">The failure.</param>
    public SafeMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
