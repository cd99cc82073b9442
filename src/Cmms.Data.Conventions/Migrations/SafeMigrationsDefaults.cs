namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Defaults of the lock-safe migrations SQL.
/// </summary>
public static class SafeMigrationsDefaults
{
    /// <summary>The default <c>lock_timeout</c> of migration statements: five seconds.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);
}
