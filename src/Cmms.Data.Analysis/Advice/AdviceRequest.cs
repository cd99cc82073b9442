using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Analysis.Advice;

/// <summary>What <see cref="IndexAdvisor" /> advises on and how strict it is.</summary>
public sealed record AdviceRequest
{
    /// <summary>
    ///     The statements to advise on; <see langword="null" /> reads them from the database's <c>pg_stat_statements</c>
    ///     (filtered by <see cref="MinCalls" />, <see cref="MinMeanMs" /> and <see cref="Top" />).
    /// </summary>
    public IReadOnlyList<WorkloadStatement>? Statements { get; init; }

    /// <summary>From <c>pg_stat_statements</c>: only statements called at least this often.</summary>
    public long MinCalls { get; init; } = 1;

    /// <summary>From <c>pg_stat_statements</c>: only statements whose mean execution time is at least this, in milliseconds.</summary>
    public double MinMeanMs { get; init; }

    /// <summary>
    ///     From <c>pg_stat_statements</c>: at most this many statements on user tables, those with the most total
    ///     execution time (statements that read only system catalogs do not count).
    /// </summary>
    public int Top { get; init; } = 100;

    /// <summary>
    ///     The least share (0–1) of their planned cost an index must cut from the statements it serves, weighted by
    ///     calls, to be proposed. Default 0.5, as Dexter's.
    /// </summary>
    public double MinCostReduction { get; init; } = 0.5;

    /// <summary>
    ///     The EF Core model the database carries, to write proposals as <c>HasIndex</c> calls on its properties;
    ///     <see langword="null" /> (or a task returning null) writes them with column names. A task, so that the caller
    ///     can build the model (the one CPU-heavy step) while the server plans the statements; it is awaited only when
    ///     the proposals are written.
    /// </summary>
    public Task<IReadOnlyModel?>? Model { get; init; }
}
