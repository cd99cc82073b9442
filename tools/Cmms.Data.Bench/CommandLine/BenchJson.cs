using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cmms.Data.Bench.CommandLine;

/// <summary>How cmms-bench writes JSON: camelCase names and enums as their names, as cmms-db does.</summary>
internal static class BenchJson
{
    /// <summary>A command's <c>--json</c> output on stdout: one line.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    ///     Files written to disk (<c>results.json</c>): indented for reading and diffing, with <c>NaN</c> and infinities
    ///     written as named literals rather than failing.
    /// </summary>
    public static readonly JsonSerializerOptions File = new(Options)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
