using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cmms.Data.CommandLine;

/// <summary>How cmms-db and cmms-bench write JSON: camelCase names and enums as their names.</summary>
internal static class CliJson
{
    /// <summary>Every command's <c>--json</c> output on stdout: one line.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    ///     Files written to disk (<c>results.json</c>): as <see cref="Options" />, indented for reading and diffing, and
    ///     with <c>NaN</c> and infinities written as named literals rather than failing.
    /// </summary>
    public static readonly JsonSerializerOptions File = new(Options)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
