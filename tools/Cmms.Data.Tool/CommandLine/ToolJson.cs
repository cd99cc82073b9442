using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cmms.Data.Tool.CommandLine;

/// <summary>How commands write <c>--json</c> output: camelCase names, enums as their names, one line.</summary>
internal static class ToolJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
