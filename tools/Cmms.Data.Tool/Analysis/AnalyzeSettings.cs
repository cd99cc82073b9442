namespace Cmms.Data.Tool.Analysis;

/// <summary>What to analyze.</summary>
/// <param name="Schemas">The schemas to analyze; empty for every user schema.</param>
/// <param name="Model">The model to check drift against; <see langword="null" /> to decide from the migrations history.</param>
internal sealed record AnalyzeSettings(IReadOnlyList<string> Schemas, ModelChoice? Model);

/// <summary>The model <c>--model</c> names.</summary>
internal enum ModelChoice
{
    /// <summary>The Cmms.Data model: report missing and unexpected indexes.</summary>
    Cmms,

    /// <summary>No model: any PostgreSQL database, no drift check.</summary>
    None,
}
