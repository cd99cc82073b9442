using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.Tool.Errors;

/// <summary>
///     A failure the user can act on: its message is the one line cmms-db prints (what is wrong and what to do),
///     without a stack trace.
/// </summary>
internal sealed class ToolException : Exception
{
    public ToolException(string message, int exitCode = ExitCodes.Failure)
        : base(message) => ExitCode = exitCode;

    public ToolException(string message, Exception innerException, int exitCode = ExitCodes.Failure)
        : base(message, innerException) => ExitCode = exitCode;

    public ToolException(string message, Exception innerException)
        : this(message, innerException, ExitCodes.Failure)
    {
    }

    public int ExitCode { get; }

    /// <summary>
    ///     What must never be printed with this failure, beyond the arguments cmms-db was given: the resolved
    ///     connection's password (the embedded server's is in no argument), scrubbed from <c>--verbose</c> output too.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
}
