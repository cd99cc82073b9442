namespace Cmms.Data.Analysis.Advice;

/// <summary>A table by schema and name, as the catalog spells them (unquoted).</summary>
internal sealed record TableName(string Schema, string Name)
{
    /// <summary>The rule engine's key for the table: <c>schema.name</c>, unquoted.</summary>
    public string Qualified => $"{Schema}.{Name}";
}
