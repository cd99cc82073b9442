namespace Cmms.Data.Analysis.Advice;

/// <summary>What one hypothetical index did to the statements on its table: new cost of each statement whose plan uses it.</summary>
/// <param name="Costs">By statement: the cost with the index, for the statements whose plan uses it.</param>
internal sealed record Measurement(IReadOnlyDictionary<PlannedStatement, double> Costs)
{
    /// <summary>Calls × cost saved over the statements it serves, against their current costs.</summary>
    public double Saved(IReadOnlyDictionary<PlannedStatement, double> current)
        => Costs.Sum(c => c.Key.Statement.Calls * Math.Max(0, current[c.Key] - c.Value));

    /// <summary>The share of their current weighted cost it saves the statements it serves.</summary>
    public double Reduction(IReadOnlyDictionary<PlannedStatement, double> current)
    {
        var before = Costs.Keys.Sum(s => s.Statement.Calls * current[s]);
        return before <= 0 ? 0 : Saved(current) / before;
    }

    /// <summary>The cost saved per call of the statements it serves, against their current costs.</summary>
    public double SavedPerCall(IReadOnlyDictionary<PlannedStatement, double> current)
    {
        var calls = Costs.Keys.Sum(s => s.Statement.Calls);
        return calls <= 0 ? 0 : Saved(current) / calls;
    }
}
