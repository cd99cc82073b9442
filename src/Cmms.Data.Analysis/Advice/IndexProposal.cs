using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Analysis.Advice;

/// <summary>One index <see cref="IndexAdvisor" /> proposes, with the statements it serves and the code to add it.</summary>
public sealed record IndexProposal
{
    /// <summary>The index, as the rule engine describes it (schema-qualified table).</summary>
    public required IndexDefinition Definition { get; init; }

    /// <summary>The table's schema.</summary>
    public required string Schema { get; init; }

    /// <summary>The table's name.</summary>
    public required string TableName { get; init; }

    /// <summary>The statements it serves, heaviest first.</summary>
    public required IReadOnlyList<StatementEffect> Statements { get; init; }

    /// <summary>
    ///     Whether the cost cut was measured with a hypothetical index. HypoPG 1.3 simulates btree indexes only, so a
    ///     GIN proposal (JSON containment, full-text search) is derived from the plan but not measured.
    /// </summary>
    public required bool IsVerified { get; init; }

    /// <summary>The EF Core declaration to paste into the entity's configuration.</summary>
    public required string EfCoreCode { get; init; }

    /// <summary>The entity type configured with <see cref="EfCoreCode" />, or <see langword="null" /> without a model.</summary>
    public string? EntityType { get; init; }

    /// <summary>The <c>CREATE INDEX CONCURRENTLY</c> statement, identifiers quoted as PostgreSQL does.</summary>
    public required string CreateSql { get; init; }

    /// <summary>Existing indexes that become redundant prefixes of this one: create it first, then drop them.</summary>
    public IReadOnlyList<IndexDrop> Replaces { get; init; } = [];

    /// <summary>The workload cost cut (sum of calls × cost saved), or 0 when not measured.</summary>
    public double WeightedCostSaved => Statements.Sum(s => s.CostAfter is { } after ? s.Calls * (s.CostBefore - after) : 0);
}
