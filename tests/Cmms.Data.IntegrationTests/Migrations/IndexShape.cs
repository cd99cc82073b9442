using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>An index as both the model and the catalog can describe it, compared field by field.</summary>
public sealed record IndexShape(
    string Table,
    string Name,
    string Method,
    bool IsUnique,
    string Columns,
    string Include,
    string? Predicate)
{
    public static IndexShape Create(
        string table,
        string name,
        string method,
        bool isUnique,
        IEnumerable<string> columns,
        IEnumerable<string> include,
        string? predicate)
        => new(table, name, method, isUnique, string.Join(", ", columns), string.Join(", ", include), SqlTextNormalizer.Normalize(predicate, ignoreCasts: true));

    /// <summary>One key column as text: name, non-default operator class, DESC.</summary>
    public static string Column(string name, string? operatorClass, bool descending)
        => name + (operatorClass is null ? string.Empty : " " + operatorClass) + (descending ? " DESC" : string.Empty);
}
