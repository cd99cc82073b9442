using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Testing;

/// <summary>
///     A finding a team accepted, and why: <see cref="SchemaAssert" /> leaves out every finding of
///     <paramref name="Kind" /> on <paramref name="Table" /> (and <paramref name="Index" />, the index or constraint, when given), and fails when
///     the entry matches none, so an allow-list cannot outlive what it allowed.
/// </summary>
/// <param name="Kind">The finding's kind.</param>
/// <param name="Table">The schema-qualified table as the finding names it (<c>public.orders</c>), exactly.</param>
/// <param name="Index">
///     The index or constraint as the finding names it, exactly; <see langword="null" /> for every finding of the kind on
///     the table.
/// </param>
/// <param name="Reason">Why the finding is accepted; shown when the entry goes stale. Required.</param>
public sealed record AllowedFinding(FindingKind Kind, string Table, string? Index, string Reason)
{
    /// <summary>Whether this entry accepts <paramref name="finding" />.</summary>
    /// <param name="finding">A finding.</param>
    /// <returns>Whether kind, table and (when given) object are equal, ordinally.</returns>
    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);

        return finding.Kind == Kind
            && string.Equals(finding.Table, Table, StringComparison.Ordinal)
            && (Index is null || string.Equals(finding.Index, Index, StringComparison.Ordinal));
    }
}
