using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Testing;

/// <summary>
///     Thrown by <see cref="SchemaAssert" /> when the database has findings the allow-list does not accept, or the
///     allow-list has entries that match nothing. Any test framework reports it as a failure with its message, which
///     lists both, every name from the database escaped.
/// </summary>
public sealed class SchemaAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaAssertionException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">The message.</param>
    public SchemaAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SchemaAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SchemaAssertionException(string message, IReadOnlyList<Finding> findings, IReadOnlyList<AllowedFinding> staleEntries)
        : base(message)
    {
        Findings = findings;
        StaleEntries = staleEntries;
    }

    /// <summary>The findings at or above the severity that no allow-list entry accepted.</summary>
    public IReadOnlyList<Finding> Findings { get; } = [];

    /// <summary>The allow-list entries that matched no finding.</summary>
    public IReadOnlyList<AllowedFinding> StaleEntries { get; } = [];
}
