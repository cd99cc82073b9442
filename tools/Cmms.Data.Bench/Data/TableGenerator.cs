namespace Cmms.Data.Bench.Data;

/// <summary>How one table's rows are made: its COPY column list and the code that writes its rows.</summary>
/// <param name="Table">The table name.</param>
/// <param name="Columns">The columns written, in order (generated columns such as search_vector are left out).</param>
/// <param name="Generate">Writes exactly <c>context.Rows(Table)</c> rows, in column order.</param>
internal sealed record TableGenerator(string Table, string Columns, Action<RowWriter, GenerationContext> Generate)
{
    /// <summary>Whether the table has a bigint identity <c>id</c> whose sequence must follow the loaded ids.</summary>
    public bool HasIdentity => Columns.StartsWith("id,", StringComparison.Ordinal);
}
