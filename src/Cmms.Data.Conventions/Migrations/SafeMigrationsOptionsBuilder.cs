using Cmms.Data.Conventions.Internal;
using Cmms.Data.Conventions.Migrations.Engine;

namespace Cmms.Data.Conventions.Migrations;

/// <summary>
///     Configures safe migrations; passed to
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

    /// <summary>
    ///     How many times a migration is retried, after 1 s, 2 s, 4 s, … (at most 30 s), when a statement hit
    ///     <c>lock_timeout</c> or the connection was lost. <see cref="SafeMigrationsDefaults.Retries" /> by default.
    /// </summary>
    /// <param name="retries">Zero or more.</param>
    /// <returns>The same builder, for chaining.</returns>
    public SafeMigrationsOptionsBuilder Retries(int retries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);

        Extension = Extension.WithRetries(retries);
        return this;
    }

    /// <summary>
    ///     How many sessions build the concurrent indexes of a migration at once (<c>CREATE INDEX CONCURRENTLY</c> on
    ///     different tables; the builds of one table stay one after another, since PostgreSQL lets only one concurrent build
    ///     run per table). Each build keeps <c>lock_timeout</c>, the retries and the repair of a failed build; the indexes a
    ///     run replaces are dropped only after every build succeeded, and the migration is recorded only after all its
    ///     statements did. When one build fails the others are stopped (a lock timeout lets the running ones finish first,
    ///     as the retry then skips them). <see cref="SafeMigrationsDefaults.ParallelIndexBuilds" /> by default.
    /// </summary>
    /// <remarks>
    ///     Builds of plain (not partial, not expression) indexes on different tables do not wait for each other's
    ///     snapshots since PostgreSQL 14 (commit c98763bf); a partial or expression build still makes the others wait at
    ///     the end. https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
    /// </remarks>
    /// <param name="sessions">One or more; one builds the indexes one after another.</param>
    /// <returns>The same builder, for chaining.</returns>
    public SafeMigrationsOptionsBuilder ParallelIndexBuilds(int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);

        Extension = Extension.WithParallelIndexBuilds(sessions);
        return this;
    }

    /// <summary>
    ///     How long a run waits while another migrator holds the migration lock before it gives up, naming the holder.
    ///     <see cref="SafeMigrationsDefaults.LockWait" /> by default.
    /// </summary>
    /// <param name="wait">Zero or positive.</param>
    /// <returns>The same builder, for chaining.</returns>
    public SafeMigrationsOptionsBuilder LockWait(TimeSpan wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);

        Extension = Extension.WithLockWait(wait);
        return this;
    }

    /// <summary>
    ///     Receives what a run does (lock waits, retries, index build progress) as it happens, besides the EF Core log:
    ///     for a host that renders a live line or exposes progress. Not part of the options' identity: contexts that
    ///     differ only in it share one service provider.
    /// </summary>
    /// <param name="progress">The receiver.</param>
    /// <returns>The same builder, for chaining.</returns>
    public SafeMigrationsOptionsBuilder ReportProgressTo(IProgress<MigrationProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);

        Extension = Extension.WithProgress(progress);
        return this;
    }

    /// <summary>
    ///     Turns the engine's one-line failures into the host's own exception type, e.g. the design-time
    ///     <c>OperationException</c>, which <c>dotnet ef</c> and efbundle print as one line without a stack trace. Not part
    ///     of the options' identity, like <see cref="ReportProgressTo" />.
    /// </summary>
    /// <param name="translate">Makes the exception to throw from the engine's (kept as its inner exception by convention).</param>
    /// <returns>The same builder, for chaining.</returns>
    public SafeMigrationsOptionsBuilder ThrowAs(Func<SafeMigrationException, Exception> translate)
    {
        ArgumentNullException.ThrowIfNull(translate);

        Extension = Extension.WithFailureTranslation(translate);
        return this;
    }
}
