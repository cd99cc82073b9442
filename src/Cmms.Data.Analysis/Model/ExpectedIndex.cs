using Cmms.Data.Analysis.Findings;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Model;

/// <summary>An index or key the Cmms.Data model declares for a table, as drift compares it.</summary>
/// <param name="Definition">The index as the rule engine describes it (schema-qualified table).</param>
/// <param name="CreateSql">The statement the migrations SQL generator writes for it, or empty when unknown.</param>
internal sealed record ExpectedIndex(IndexDefinition Definition, string CreateSql)
{
    public string Table => Definition.Table;

    public string Name => Definition.Name;

    public string Shape => FindingText.Shape(Definition);
}
