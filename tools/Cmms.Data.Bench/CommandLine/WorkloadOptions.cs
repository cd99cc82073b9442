using System.CommandLine;
using Cmms.Data.Bench.Data;
using Cmms.Data.CommandLine;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>The options several cmms-bench commands share; each command gets its own instances.</summary>
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

    /// <summary>
    ///     <c>--cmms-db</c>: the cmms-db executable a benchmark runs as a whole process, by default the Release build under
    ///     the current directory (the repository root).
    /// </summary>
    /// <param name="role">What the command does with it, the description's first sentence (<c>The cmms-db executable to time.</c>).</param>
    public static Option<FileInfo> CmmsDb(string role) => new("--cmms-db")
    {
        Description = $"{role} Default: tools/Cmms.Data.Tool/bin/Release/net10.0/cmms-db under the current directory.",
        HelpName = "file",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("tools", "Cmms.Data.Tool", "bin", "Release", "net10.0", "cmms-db")),
    };
}
