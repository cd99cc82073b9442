using Cmms.Data.Conventions.Internal;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Configures the lock-safe migrations SQL; passed to
///     <see cref="Microsoft.EntityFrameworkCore.SafeMigrationsDbContextOptionsBuilderExtensions.UseSafeMigrations(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder, Action{SafeMigrationsOptionsBuilder}?)" />.
/// </summary>
public sealed class SafeMigrationsOptionsBuilder
{
    internal SafeMigrationsOptionsBuilder(CmmsConventionsOptionsExtension extension) => Extension = extension;

    internal CmmsConventionsOptionsExtension Extension { get; private set; }

    /// <summary>
    ///     How long a migration statement waits for a table lock before it fails (PostgreSQL's <c>lock_timeout</c>),
    ///     so that a migration blocked by a long transaction fails fast instead of queueing every query on the table
    ///     behind it. <see cref="SafeMigrationsDefaults.LockTimeout" /> by default; <see cref="TimeSpan.Zero" /> waits forever.
    /// </summary>
    /// <remarks>https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT</remarks>
    /// <param name="timeout">The timeout, zero or positive.</param>
    /// <returns>The same builder, for chaining.</returns>
    public SafeMigrationsOptionsBuilder LockTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);

        Extension = Extension.WithLockTimeout(timeout);
        return this;
    }
}
