using System.Globalization;
using System.Text;
using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Analysis.Advice;

/// <summary>
///     Writes a proposal as the EF Core declaration to paste into the entity's <c>IEntityTypeConfiguration</c>, with
///     the Npgsql fluent API for what plain EF Core has no words for (<c>HasMethod</c>, <c>HasOperators</c>).
/// </summary>
/// <remarks>
///     With a model, tables and columns are mapped back to the entity type and its properties; without one (or for a
///     table the model does not map), the column names are written as property names for the reader to map.
/// </remarks>
internal static class EfIndexCode
{
    public static (string Code, string? EntityType) Render(TableName table, IndexDefinition index, IReadOnlyModel? model)
    {
        var mapped = model is null ? null : Map(model, table, index);
        var code = new StringBuilder("builder.HasIndex(");
        if (mapped is { } map)
        {
            code.Append(map.Properties.Count == 1
                ? $"e => e.{map.Properties[0]}"
                : "e => new { " + string.Join(", ", map.Properties.Select(p => "e." + p)) + " }");
        }
        else
        {
            code.Append('[').AppendJoin(", ", index.KeyColumns.Select(k => Literal(k.Name))).Append(']');
        }

        code.Append(", ").Append(Literal(index.Name)).Append(')');
        if (index.KeyColumns.Any(k => k.Descending))
        {
            code.Append(".IsDescending(").AppendJoin(", ", index.KeyColumns.Select(k => k.Descending ? "true" : "false")).Append(')');
        }

        if (!string.Equals(index.Method, "btree", StringComparison.Ordinal))
        {
            code.Append(".HasMethod(").Append(Literal(index.Method)).Append(')');
        }

        if (index.KeyColumns.Any(k => k.OperatorClass is not null))
        {
            code.Append(".HasOperators(").AppendJoin(", ", index.KeyColumns.Select(k => k.OperatorClass is null ? "null" : Literal(k.OperatorClass))).Append(')');
        }

        if (index.Predicate is not null)
        {
            code.Append(".HasFilter(").Append(Literal(index.Predicate)).Append(')');
        }

        return (code.Append(';').ToString(), mapped?.EntityType);
    }

    /// <summary>A C# string literal: backslash, quote and every control or non-ASCII character escaped.</summary>
    internal static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                _ when c < ' ' || c > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }

    private static (string EntityType, List<string> Properties)? Map(IReadOnlyModel model, TableName table, IndexDefinition index)
    {
        var defaultSchema = model.GetDefaultSchema() ?? "public";
        foreach (var entityType in model.GetEntityTypes())
        {
            var name = entityType.GetTableName();
            if (name != table.Name || (entityType.GetSchema() ?? defaultSchema) != table.Schema)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
            var properties = index.KeyColumns
                .Select(k => entityType.GetProperties().FirstOrDefault(p => !p.IsShadowProperty() && p.GetColumnName(store) == k.Name)?.Name)
                .ToList();
            if (properties.All(p => p is not null))
            {
                return (entityType.ClrType.Name, properties.Select(p => p!).ToList());
            }
        }

        return null;
    }
}
