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
}
