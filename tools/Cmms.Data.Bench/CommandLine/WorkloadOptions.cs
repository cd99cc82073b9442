using System.CommandLine;
using Cmms.Data.Bench.Data;
using Cmms.Data.CommandLine;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>The options verify-plans and bench share; each command gets its own instances.</summary>
internal static class WorkloadOptions
{
    public static Option<double> Scale(double defaultValue) => NumberOption.Decimal(
        "--scale",
        "Data volume relative to the specification's benchmark volumes (1.0 = 1,000,000 activity logs, 10,000 users, …).",
        defaultValue,
        exclusiveMinimum: 0,
        maximum: 100,
        helpName: "factor");

    public static Option<int> Seed() => NumberOption.Integer(
        "--seed",
        "Seed of the data generator; the same seed gives the same rows.",
        DataLoader.DefaultSeed,
        minimum: 0,
        maximum: int.MaxValue,
        helpName: "number");
}
