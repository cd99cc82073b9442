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
///     <c>HasIndex</c> takes properties only, so an expression index (<c>lower(email)</c>) is written as the migration
///     statement that creates it (<c>migrationBuilder.Sql</c>, outside a transaction as CONCURRENTLY requires), the one
///     place where raw SQL belongs; a stored computed column with a plain index would also serve, at the price of a
///     table rewrite, and is left to the reader.
/// </remarks>
internal static class EfIndexCode
{
    public static (string Code, string? EntityType) Render(TableName table, IndexDefinition index, IReadOnlyModel? model, string createSql)
    {
        var entityTypes = model is null ? [] : EntityTypes(model, table);
        if (index.KeyColumns.Any(k => k.IsExpression))
        {
            return ($"migrationBuilder.Sql({Literal(createSql)}, suppressTransaction: true); // EF Core's HasIndex takes properties, not expressions", null);
        }

        // Several entity types may share the table (table splitting, TPH): the one that maps every key column.
        var (entityType, mapped) = entityTypes
            .Select(e => (EntityType: (IReadOnlyEntityType?)e, Properties: Map(e, table, index.KeyColumns.Select(k => k.Name))))
            .FirstOrDefault(m => m.Properties is not null);
        var included = entityType is null ? null : Map(entityType, table, index.IncludeColumns);
        var code = new StringBuilder("builder.HasIndex(");
        if (mapped is { } map)
        {
            code.Append(Lambda(map));
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

        if (index.IncludeColumns.Count > 0)
        {
            code.Append(".IncludeProperties(")
                .Append(mapped is not null && included is { } include ? Lambda(include) : string.Join(", ", index.IncludeColumns.Select(Literal)))
                .Append(')');
        }

        if (index.Predicate is not null)
        {
            code.Append(".HasFilter(").Append(Literal(index.Predicate)).Append(')');
        }

        return (code.Append(';').ToString(), mapped is null ? null : entityType!.ClrType.Name);
    }

    private static string Lambda(List<string> properties)
        => properties.Count == 1 ? $"e => e.{properties[0]}" : "e => new { " + string.Join(", ", properties.Select(p => "e." + p)) + " }";

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

    private static List<IReadOnlyEntityType> EntityTypes(IReadOnlyModel model, TableName table)
    {
        var defaultSchema = model.GetDefaultSchema() ?? "public";
        return model.GetEntityTypes().Where(e => e.GetTableName() == table.Name && (e.GetSchema() ?? defaultSchema) == table.Schema).ToList();
    }

    // The properties mapped to the columns, or null when one of them is not mapped (a shadow property, a column the model does not know).
    private static List<string>? Map(IReadOnlyEntityType entityType, TableName table, IEnumerable<string> columns)
    {
        var store = StoreObjectIdentifier.Table(table.Name, entityType.GetSchema());
        var properties = columns
            .Select(c => entityType.GetProperties().FirstOrDefault(p => !p.IsShadowProperty() && p.GetColumnName(store) == c)?.Name)
            .ToList();
        return properties.All(p => p is not null) ? properties.Select(p => p!).ToList() : null;
    }
}
