using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.Tests.Conventions.Migrations;

/// <summary>
///     The lock timeout is read per context: contexts that differ only in it share EF Core's internal service provider
///     (so the model is built once), and each one's migrations still use its own timeout.
/// </summary>
public sealed class SafeMigrationsServiceProviderTests
{
    [Fact]
    public void Contexts_that_differ_only_in_lock_timeout_share_one_built_model_and_keep_their_own_timeout()
    {
        using var oneSecond = Create(TimeSpan.FromSeconds(1));
        using var twoSeconds = Create(TimeSpan.FromSeconds(2));

        oneSecond.GetService<IDesignTimeModel>().Model.Should().BeSameAs(twoSeconds.GetService<IDesignTimeModel>().Model);
        oneSecond.GetService<IMigrator>().GenerateScript().Should().Contain("SET lock_timeout = '1000ms';").And.NotContain("'2000ms'");
        twoSeconds.GetService<IMigrator>().GenerateScript().Should().Contain("SET lock_timeout = '2000ms';").And.NotContain("'1000ms'");
    }

    private static CmmsDbContext Create(TimeSpan lockTimeout)
        => new(new DbContextOptionsBuilder<CmmsDbContext>()
            .UseCmmsData("Host=unused;Database=unused")
            .UseSafeMigrations(safe => safe.LockTimeout(lockTimeout))
            .Options);
}
