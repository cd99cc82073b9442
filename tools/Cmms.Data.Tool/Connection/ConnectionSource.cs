namespace Cmms.Data.Tool.Connection;

/// <summary>Where the connection string came from.</summary>
internal enum ConnectionSource
{
    /// <summary>The <c>--connection</c> option.</summary>
    Option,

    /// <summary>The <c>CMMS_DB_CONNECTION</c> environment variable.</summary>
    Environment,

    /// <summary>The embedded server in <c>.cmms/postgres</c>.</summary>
    Embedded,
}
