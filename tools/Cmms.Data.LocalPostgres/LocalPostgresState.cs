namespace Cmms.Data.LocalPostgres;

/// <summary>Whether a local cluster exists and runs.</summary>
public enum LocalPostgresState
{
    /// <summary>No initialized data directory exists yet.</summary>
    NotCreated,

    /// <summary>The data directory exists; no server runs on it.</summary>
    Stopped,

    /// <summary>A server runs on the data directory.</summary>
    Running,
}
