namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Advice cannot be given at all (no <c>pg_stat_statements</c>, no HypoPG, no statement to advise on); the message
///     is one line saying what to do.
/// </summary>
public sealed class AdviceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AdviceException()
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public AdviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public AdviceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
