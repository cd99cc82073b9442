namespace Cmms.Data.Conventions.Rules;

/// <summary>
///     An index that <see cref="IndexRedundancyRules" /> found unnecessary.
/// </summary>
/// <param name="Index">The redundant index.</param>
/// <param name="CoveredBy">A kept index or key that serves every query <paramref name="Index" /> serves.</param>
/// <param name="Reason">How <paramref name="CoveredBy" /> covers it.</param>
public sealed record RedundantIndex(IndexDefinition Index, IndexDefinition CoveredBy, PrunedIndexReason Reason);
