namespace Cmms.Data.Tool.CommandLine;

/// <summary>The process exit codes of cmms-db.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed, or a check it runs (a CI gate) did not pass.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, or a bad option value.</summary>
    public const int Usage = 2;
}
