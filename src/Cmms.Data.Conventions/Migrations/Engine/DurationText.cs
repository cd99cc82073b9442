using System.Globalization;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>How the engine's messages write a duration.</summary>
internal static class DurationText
{
    /// <summary><c>500ms</c>, <c>1.5s</c>, <c>10m</c>, <c>2m30s</c>.</summary>
    public static string Format(TimeSpan duration)
        => duration < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0}ms")
            : duration.TotalSeconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m{(duration.Seconds > 0 ? $"{duration.Seconds}s" : string.Empty)}");
}
