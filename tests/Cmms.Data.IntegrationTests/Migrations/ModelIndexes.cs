using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.IntegrationTests.Migrations;

/// <summary>The indexes (and key constraints' indexes) a finalized model expects in the database.</summary>
public static class ModelIndexes
{
    public static IReadOnlyList<IndexShape> Read(IModel model)
    {
        var result = new List<IndexShape>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var key in table.UniqueConstraints)
            {
                result.Add(IndexShape.Create(table.Name, key.Name, "btree", isUnique: true, key.Columns.Select(c => c.Name), [], null));
            }

            foreach (var index in table.Indexes)
            {
                var mapped = index.MappedIndexes.First();
                var operators = mapped.GetOperators();
                var descending = index.IsDescending;
                var columns = index.Columns.Select((column, i) => IndexShape.Column(
                    column.Name,
                    operators is not null && i < operators.Count && !string.IsNullOrEmpty(operators[i]) ? operators[i] : null,
                    descending is not null && (descending.Count == 0 || descending[i])));
                var include = mapped.GetIncludeProperties()?
                    .Select(p => mapped.DeclaringEntityType.FindProperty(p)!.GetColumnName()) ?? [];
                result.Add(IndexShape.Create(
                    table.Name,
                    index.Name,
                    string.IsNullOrEmpty(mapped.GetMethod()) ? "btree" : mapped.GetMethod()!,
                    index.IsUnique,
                    columns,
                    include,
                    index.Filter));
            }
        }

        return result;
    }
}
