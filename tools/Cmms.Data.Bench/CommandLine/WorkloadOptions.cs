using System.CommandLine;
using System.Globalization;
using Cmms.Data.Bench.Data;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>The options verify-plans and bench share; each command gets its own instances.</summary>
internal static class WorkloadOptions
{
    public static Option<double> Scale(double defaultValue) => new("--scale")
    {
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"Data volume relative to the specification's benchmark volumes (1.0 = 1,000,000 activity logs, 10,000 users, …). Default: {defaultValue}."),
        HelpName = "factor",
        DefaultValueFactory = _ => defaultValue,
        Validators =
        {
            result =>
            {
                var value = result.GetValueOrDefault<double>();
                if (!(value > 0 && value <= 100))
                {
                    result.AddError("--scale must be greater than 0 and at most 100.");
                }
            },
        },
    };

    public static Option<int> Seed() => new("--seed")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Seed of the data generator; the same seed gives the same rows. Default: {DataLoader.DefaultSeed}."),
        HelpName = "number",
        DefaultValueFactory = _ => DataLoader.DefaultSeed,
    };
}
