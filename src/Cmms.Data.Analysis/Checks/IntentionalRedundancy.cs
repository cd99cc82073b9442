using Cmms.Data.Analysis.Findings;
using Cmms.Data.Analysis.Model;

namespace Cmms.Data.Analysis.Checks;

/// <summary>
///     An index the model keeps on purpose with <c>AllowRedundant()</c> is reported at info with that reason, never as
///     a warning that fails <c>--fail-on warning</c>, and its fix drops nothing.
/// </summary>
internal static class IntentionalRedundancy
{
    public static IEnumerable<Finding> Apply(IEnumerable<Finding> redundant, ExpectedSchema? model)
    {
        var intentional = model is null
            ? []
            : model.Indexes.Where(i => i.Definition.AllowRedundant).Select(i => (i.Table, i.Name)).ToHashSet();
        return redundant.Select(f => intentional.Contains((f.Table!, f.Index!))
            ? f with
            {
                Severity = FindingSeverity.Info,
                Detail = f.Detail + " The model keeps it on purpose (AllowRedundant()).",
                Fix = "-- kept on purpose: the model marks it AllowRedundant(); remove that to drop it",
            }
            : f);
    }
}
