using Cmms.Data.Analysis.Findings;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Analysis;

/// <summary>What <see cref="DatabaseAnalyzer" /> analyzes and which model it compares the indexes with.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The schemas to analyze; empty (the default) for every user schema.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [];

    /// <summary>
    ///     Creates a context configured as the application configures it, whose design-time model is what the database
    ///     should hold (the drift check reports missing and unexpected indexes against it); <see langword="null" /> for
    ///     no drift check. The analyzer disposes every context it creates; no connection is opened through it.
    /// </summary>
    public Func<DbContext>? ModelContext { get; init; }

    /// <summary>The model's name in the report's summary (<c>cmms</c>).</summary>
    public string ModelName { get; init; } = "model";

    /// <summary>Findings a team accepted, left out of the report (the summary's notes count them); none by default.</summary>
    public FindingBaseline? Baseline { get; init; }

    /// <summary>When the drift check runs, given <see cref="ModelContext" />.</summary>
    public ModelCheck ModelCheck { get; init; } = ModelCheck.WhenMigrated;

    /// <summary>
    ///     How long another session's transaction may stay open before <c>long_transaction</c> reports it: it holds
    ///     back vacuum for every table of the database meanwhile. Five minutes by default.
    /// </summary>
    public TimeSpan LongTransactionAge { get; init; } = Checks.AnalysisThresholds.LongTransactionAge;
}
