using Cmms.Data.Analysis.Catalog;
using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Sql;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     <c>sequence_not_owned</c> (info): a sequence that columns call through <c>DEFAULT nextval(…)</c> but that no column
///     owns. Dropping the table leaves it behind, and it is not the table's in <c>pg_dump -t</c> or
///     <c>pg_get_serial_sequence</c>. One calling column: <c>ALTER SEQUENCE … OWNED BY</c> it. Several: advice, since
///     owning it by one column ties the others' default to that table's life (dropping the owner then fails, or with
///     CASCADE drops their defaults). <c>sequence_near_max</c> already measures such a sequence against the narrowest
///     calling column, owned or not.
/// </summary>
internal static class SequenceOwnershipCheck
{
    public static IEnumerable<Finding> Run(CatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        var quoter = catalog.Quoter;
        var partitions = catalog.Tables.Where(t => t.IsPartition).Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal);
        var callers = catalog.Health.Columns
            .Where(c => c is { DefaultSequence: not null, SequenceOwned: false } && !partitions.Contains(c.QualifiedTable))
            .GroupBy(c => c.DefaultSequence!.Value);
        foreach (var group in callers)
        {
            var (schema, name) = group.Key;
            var columns = group.ToList();
            var list = string.Join(", ", columns.Select(c => $"{c.QualifiedTable}.{c.Name}"));
            var sequence = quoter.Quote(schema, name);
            var single = columns.Count == 1 ? columns[0] : null;
            // OWNED BY takes a column of a table in the sequence's own schema (https://www.postgresql.org/docs/current/sql-altersequence.html).
            var owner = single is not null && single.Schema == schema ? single : null;
            yield return new Finding(
                FindingKind.SequenceNotOwned,
                FindingSeverity.Info,
                columns[0].QualifiedTable,
                $"{schema}.{name}",
                null,
                $"Sequence {schema}.{name} feeds {list} through DEFAULT nextval(…) but is not OWNED BY any column: dropping "
                + (single is null
                    ? "those tables leaves it behind, and owning it by one column ties the others' defaults to that table."
                    : "the table leaves it behind, and tools that find a column's sequence (pg_get_serial_sequence, pg_dump -t) miss it."),
                owner is null
                    ? ColumnFixSql.Advice(
                        single is null
                            ? "shared by several columns: keep it free-standing, or give each column a sequence (or identity) of its own and then"
                            : "OWNED BY needs a table in the sequence's schema: move one of them (ALTER … SET SCHEMA), then",
                        $"ALTER SEQUENCE {sequence} OWNED BY <table>.<column>;")
                    : $"ALTER SEQUENCE {sequence} OWNED BY {quoter.Quote(owner.Schema, owner.Table)}.{quoter.Quote(owner.Name)};");
        }
    }
}
