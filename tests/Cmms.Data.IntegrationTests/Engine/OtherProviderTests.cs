using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Engine;

public sealed class OtherProviderTests
{
    [Fact]
    public void UseSafeMigrations_on_another_provider_fails_at_first_use_with_one_line()
    {
        var options = new DbContextOptionsBuilder<GaugeContext>().UseSqlite("Data Source=:memory:").UseSafeMigrations().Options;
        var firstUse = () =>
        {
            using var context = new GaugeContext(options);
            return context.Model;
        };

        firstUse.Should().Throw<InvalidOperationException>().WithMessage(
            "UseSafeMigrations() needs the Npgsql provider (UseNpgsql), but this context is configured with SqliteOptionsExtension: "
            + "remove UseSafeMigrations() or use PostgreSQL.");
    }
}
