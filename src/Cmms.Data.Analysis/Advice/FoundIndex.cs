using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Advice;

/// <summary>An index the search kept, before its code and statements are written.</summary>
/// <param name="Table">Its table.</param>
/// <param name="Definition">The index, named.</param>
/// <param name="Effects">The statements it serves.</param>
/// <param name="IsVerified">Whether HypoPG measured it.</param>
/// <param name="Replaces">Existing indexes it makes redundant prefixes.</param>
internal sealed record FoundIndex(TableName Table, IndexDefinition Definition, IReadOnlyList<StatementEffect> Effects, bool IsVerified, IReadOnlyList<IndexDefinition> Replaces);
