using System.Globalization;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>How the <c>lock_timeout</c> of migration statements is written in SQL.</summary>
/// <remarks>https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT</remarks>
internal static class LockTimeoutSql
{
    /// <summary><c>lock_timeout = '5000ms'</c>.</summary>
    public static string Setting(TimeSpan timeout)
        => string.Create(CultureInfo.InvariantCulture, $"lock_timeout = '{(long)timeout.TotalMilliseconds}ms'");
}
