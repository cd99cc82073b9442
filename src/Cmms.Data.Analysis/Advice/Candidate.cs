using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     An index the search considers, with its table. The table travels beside the rule engine's description because
///     that description's <c>schema.table</c> key cannot be split back: a quoted schema or table name may hold a dot.
/// </summary>
/// <param name="Table">The table, as the catalog spells it.</param>
/// <param name="Index">The index (unnamed until proposed), its table keyed as <see cref="TableName.Qualified" />.</param>
internal sealed record Candidate(TableName Table, IndexDefinition Index)
{
    /// <summary>The rule engine's text of the index, which tells two candidates apart.</summary>
    public override string ToString() => Index.ToString();
}
