namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     What the heap and btree size estimators share of PostgreSQL's page layout: the page header, the line pointer
///     and the alignment of a column to its type's <c>typalign</c>
///     (https://www.postgresql.org/docs/current/storage-page-layout.html, https://www.postgresql.org/docs/current/catalog-pg-type.html).
/// </summary>
internal static class PageLayout
{
    /// <summary>MAXALIGN on 64-bit platforms: a tuple header and a whole tuple are rounded up to it.</summary>
    public const int MaxAlign = 8;

    /// <summary>The page header (<c>PageHeaderData</c>).</summary>
    public const int PageHeaderBytes = 24;

    /// <summary>One item identifier (<c>ItemIdData</c>) per tuple.</summary>
    public const int LinePointerBytes = 4;

    /// <summary>The bytes a <c>typalign</c> code aligns to: <c>d</c> 8, <c>i</c> 4, <c>s</c> 2, <c>c</c> 1.</summary>
    public static int AlignmentBytes(char alignment) => alignment switch
    {
        'd' => 8,
        'i' => 4,
        's' => 2,
        _ => 1,
    };

    /// <summary><paramref name="offset" /> rounded up to a multiple of <paramref name="alignment" />.</summary>
    public static double Align(double offset, int alignment) => Math.Ceiling(offset / alignment) * alignment;
}
