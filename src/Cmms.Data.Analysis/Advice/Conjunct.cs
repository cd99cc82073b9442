namespace Cmms.Data.Analysis.Advice;

/// <summary>What one condition of a plan node says about one column of the scanned table.</summary>
/// <param name="Column">The column (unquoted).</param>
/// <param name="Kind">How the condition uses it.</param>
/// <param name="Operator">The operator (<c>=</c>, <c>&lt;</c>, <c>@&gt;</c> …), or empty for a bare boolean test.</param>
/// <param name="Predicate">For <see cref="ConjunctKind.Constant" />: the condition without table qualifiers, as a partial index's WHERE.</param>
/// <param name="IsExpression">Whether <paramref name="Column" /> is an expression of the table's columns (<c>lower(email)</c>), deparsed by the server.</param>
internal sealed record Conjunct(string Column, ConjunctKind Kind, string Operator, string? Predicate = null, bool IsExpression = false);

/// <summary>How a condition uses a column, for the index it asks for.</summary>
internal enum ConjunctKind
{
    /// <summary><c>col = …</c> or <c>col = ANY (…)</c>: a leading btree key.</summary>
    Equality,

    /// <summary><c>col &lt; …</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>: the btree key after the equalities.</summary>
    Range,

    /// <summary>A condition with no parameter (<c>is_active</c>, <c>NOT is_used</c>, <c>status &lt;&gt; 'closed'</c>): a partial index's predicate.</summary>
    Constant,

    /// <summary><c>@&gt;</c>, <c>@@</c>, <c>&amp;&amp;</c>, <c>?</c>: served by GIN.</summary>
    Containment,
}
