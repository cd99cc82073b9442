namespace Cmms.Data.LocalPostgres;

/// <summary>A snapshot of a local cluster's state.</summary>
/// <param name="State">Whether the cluster exists and runs.</param>
/// <param name="Port">The TCP port the cluster is configured for, once it has one.</param>
/// <param name="ProcessId">The postmaster process id while it runs.</param>
/// <param name="DataDirectory">The cluster's data directory.</param>
public sealed record LocalPostgresStatus(LocalPostgresState State, int? Port, int? ProcessId, string DataDirectory);
