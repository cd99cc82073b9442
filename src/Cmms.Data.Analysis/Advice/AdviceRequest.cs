using Microsoft.EntityFrameworkCore;

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
    ///     Creates a context configured as the application configures it, whose design-time model proposals are written
    ///     against (<c>HasIndex</c> calls on its properties); <see langword="null" /> (the default) writes them with
    ///     table and column names. The advisor builds the model (the one CPU-heavy step) while the server plans the
    ///     statements, and disposes every context it creates; no connection is opened through it.
    /// </summary>
    public Func<DbContext>? ModelContext { get; init; }

    /// <summary>When proposals are written against <see cref="ModelContext" />: by default only when the database was migrated with it.</summary>
    public ModelCheck ModelCheck { get; init; } = ModelCheck.WhenMigrated;
}
