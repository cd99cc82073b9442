namespace Cmms.Data.LocalPostgres;

/// <summary>
/// Thrown when no PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) can be found.
/// The message is a single line that says where we looked and how to fix it.
/// </summary>
public sealed class PostgresNotFoundException : Exception
{
    /// <summary>The advice appended to every "not found" message.</summary>
    public const string InstallHint =
        "Install them (Debian: apt-get install postgresql) or pass a connection string.";

    /// <summary>Creates the exception with the given one-line message.</summary>
    public PostgresNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public PostgresNotFoundException()
        : base("No PostgreSQL server binaries found. " + InstallHint)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public PostgresNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
