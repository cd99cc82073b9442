namespace Cmms.Data.Analysis;

/// <summary>
///     The analysis cannot run as asked (a schema that does not exist); the message is one line saying what is wrong
///     and what to do.
/// </summary>
public sealed class AnalysisException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnalysisException()
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public AnalysisException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public AnalysisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
