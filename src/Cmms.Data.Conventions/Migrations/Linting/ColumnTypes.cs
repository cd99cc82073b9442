using System.Globalization;
using System.Text.RegularExpressions;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>Store types as PostgreSQL names them, and what changing one into another costs.</summary>
internal static partial class ColumnTypes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int"] = "integer", ["int4"] = "integer", ["serial"] = "integer", ["serial4"] = "integer",
        ["int8"] = "bigint", ["bigserial"] = "bigint", ["serial8"] = "bigint",
        ["int2"] = "smallint", ["smallserial"] = "smallint", ["serial2"] = "smallint",
        ["varchar"] = "character varying", ["char"] = "character", ["bpchar"] = "character",
        ["decimal"] = "numeric", ["float8"] = "double precision", ["float4"] = "real", ["bool"] = "boolean",
        ["timestamptz"] = "timestamp with time zone", ["timestamp"] = "timestamp without time zone",
        ["timetz"] = "time with time zone", ["time"] = "time without time zone",
    };

    /// <summary>The type's canonical name and its modifiers (<c>varchar(20)</c> → <c>character varying</c>, [20]).</summary>
    public static (string Name, IReadOnlyList<int> Modifiers) Parse(string storeType)
    {
        var match = TypeWithModifiers().Match(storeType.Trim());
        var rest = match.Groups["rest"].Value.Trim();
        var name = Whitespace().Replace($"{match.Groups["name"].Value.Trim()} {(rest.StartsWith('[') ? "" : rest)}".Trim(), " ")
            .ToLowerInvariant() + (rest.Contains("[]", StringComparison.Ordinal) ? "[]" : "");
        var modifiers = match.Groups["mods"].Success
            ? match.Groups["mods"].Value.Split(',').Select(m => int.Parse(m.Trim(), CultureInfo.InvariantCulture)).ToList()
            : [];
        if (name.EndsWith(" with time zone", StringComparison.Ordinal) || name.EndsWith(" without time zone", StringComparison.Ordinal))
        {
            return (name, modifiers);
        }

        return (Aliases.GetValueOrDefault(name, name), modifiers);
    }

    public static bool IsNamed(string? storeType, params string[] names)
        => storeType is not null && names.Contains(Parse(storeType).Name, StringComparer.Ordinal);

    /// <summary>
    ///     What <c>ALTER COLUMN … TYPE</c> from <paramref name="from" /> to <paramref name="to" /> does to a populated table;
    ///     https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES: a change to a binary-coercible
    ///     type whose constraints can only widen needs neither a rewrite nor a scan.
    /// </summary>
    public static ColumnTypeChange Classify(string from, string to)
    {
        var (fromName, fromMods) = Parse(from);
        var (toName, toMods) = Parse(to);
        if (fromName == toName && fromMods.SequenceEqual(toMods))
        {
            return ColumnTypeChange.None;
        }

        if (fromName is "character varying" or "text" && toName == "text")
        {
            return ColumnTypeChange.NoRewrite;
        }

        if (fromName == toName && fromName is "character varying" or "bit varying")
        {
            return toMods.Count == 0 || (fromMods.Count == 1 && toMods[0] >= fromMods[0]) ? ColumnTypeChange.NoRewrite : ColumnTypeChange.Scan;
        }

        if (fromName == "text" && toName == "character varying")
        {
            return toMods.Count == 0 ? ColumnTypeChange.NoRewrite : ColumnTypeChange.Scan;
        }

        // numeric(p, s) → numeric(p2, s) with p2 ≥ p, or unconstrained numeric: same scale, no rewrite.
        if (fromName == "numeric" && toName == "numeric"
            && (toMods.Count == 0 || (fromMods.Count > 0 && toMods[0] >= fromMods[0] && Scale(toMods) == Scale(fromMods))))
        {
            return ColumnTypeChange.NoRewrite;
        }

        if (fromName == "cidr" && toName == "inet")
        {
            return ColumnTypeChange.NoRewrite;
        }

        return ColumnTypeChange.Rewrite;
    }

    private static int Scale(IReadOnlyList<int> modifiers) => modifiers.Count > 1 ? modifiers[1] : 0;

    [GeneratedRegex(@"^(?<name>[^(\[]+)\s*(\((?<mods>[\d\s,]+)\))?\s*(?<rest>.*)$")]
    private static partial Regex TypeWithModifiers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
