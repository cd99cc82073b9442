using Cmms.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.Tests.Model;

/// <summary>
///     Reads one table of the finalized model as plain values (columns, check constraints, foreign keys, indexes, pruned
///     indexes), so that a test compares it with the expected schema in one assertion.
/// </summary>
internal static class ModelShapes
{
    /// <summary>Every column of an entity's table: name → (store type, nullable).</summary>
    public static IReadOnlyDictionary<string, (string StoreType, bool IsNullable)> ColumnsOf<TEntity>(IModel model)
        => TableOf<TEntity>(model).Columns.ToDictionary(c => c.Name, c => (c.StoreType, c.IsNullable));

    /// <summary>The check constraints of an entity's table: name → SQL.</summary>
    public static IReadOnlyDictionary<string, string> CheckConstraintsOf<TEntity>(IModel model)
        => TableOf<TEntity>(model).CheckConstraints.ToDictionary(c => c.Name!, c => c.Sql);

    /// <summary>The foreign key constraints of an entity's table.</summary>
    public static IReadOnlyList<ForeignKeyShape> ForeignKeysOf<TEntity>(IModel model)
        => TableOf<TEntity>(model).ForeignKeyConstraints
            .Select(f => new ForeignKeyShape(f.Name, f.Columns.Select(c => c.Name).ToList(), f.PrincipalTable.Name, f.OnDeleteAction))
            .ToList();

    /// <summary>Every index of an entity type that survived the conventions, declared or added by them.</summary>
    public static IReadOnlyList<IndexShape> IndexesOf<TEntity>(IModel model)
        => model.FindEntityType(typeof(TEntity))!.GetIndexes().Select(IndexShape.Of).ToList();

    /// <summary>The indexes the conventions left out of one table.</summary>
    public static IReadOnlyList<PrunedIndex> PrunedIndexesOf(IModel model, string table)
        => model.GetPrunedIndexes().Where(p => p.Table == table).ToList();

    /// <summary>
    ///     The names <c>GetPrunedIndexes()</c> reports for these tables although an index of that name is in the model:
    ///     a pruned index is one left out of the model, so a name in both is a contradiction for anyone comparing the
    ///     database with the pruned list.
    /// </summary>
    public static IReadOnlyList<string> PrunedIndexNamesStillInModel(IModel model, params string[] tables)
        => tables
            .SelectMany(table => PrunedIndexesOf(model, table)
                .Where(p => model.GetRelationalModel().FindTable(table, null)!.Indexes.Any(i => i.Name == p.Name))
                .Select(p => $"{table}.{p.Name}"))
            .ToList();

    private static ITable TableOf<TEntity>(IModel model)
        => model.FindEntityType(typeof(TEntity))!.GetTableMappings().Single().Table;

    /// <summary>A foreign key constraint as the database sees it.</summary>
    public sealed record ForeignKeyShape(string Name, IReadOnlyList<string> Columns, string PrincipalTable, ReferentialAction OnDelete);

    /// <summary>An index as the database sees it: name, key columns in order, and the PostgreSQL options.</summary>
    /// <param name="Name">The database name.</param>
    /// <param name="Columns">The key columns, in order.</param>
    /// <param name="IsUnique">Whether the index is unique.</param>
    /// <param name="IsDescending">One flag per key column, from <c>IIndex.IsDescending</c> (null: all ascending; empty: all descending).</param>
    /// <param name="Filter">The partial index predicate (<c>GetFilter()</c>).</param>
    /// <param name="Method">The access method (<c>GetMethod()</c>); null is btree.</param>
    /// <param name="Operators">The operator classes (<c>GetOperators()</c>).</param>
    public sealed record IndexShape(
        string Name,
        IReadOnlyList<string> Columns,
        bool IsUnique,
        IReadOnlyList<bool> IsDescending,
        string? Filter = null,
        string? Method = null,
        IReadOnlyList<string>? Operators = null)
    {
        public static IndexShape Of(IIndex index)
        {
            var columns = index.Properties.Select(p => p.GetColumnName()).ToList();
            var descending = index.IsDescending switch
            {
                null => columns.Select(_ => false).ToList(),
                { Count: 0 } => columns.Select(_ => true).ToList(),
                var flags => flags.ToList(),
            };
            return new IndexShape(
                index.GetDatabaseName()!,
                columns,
                index.IsUnique,
                descending,
                index.GetFilter(),
                index.GetMethod(),
                index.GetOperators());
        }
    }
}
