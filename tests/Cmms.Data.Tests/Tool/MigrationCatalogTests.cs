using Cmms.Data.Conventions.Migrations;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.Tool.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.Tests.Tool;

/// <summary>
///     cmms-db's no-op fast path decides without EF Core's services; what it reads in their place must be what EF Core
///     and the migration engine would have used.
/// </summary>
public sealed class MigrationCatalogTests
{
    [Fact]
    public void The_migrations_read_from_the_attributes_are_the_ones_EF_Core_finds_in_the_same_order()
    {
        // Configured as ModelFixture configures it, so the test process builds no EF Core service provider of its own for it.
        using var context = new CmmsDbContext(new DbContextOptionsBuilder<CmmsDbContext>().UseCmmsData("Host=unused;Database=unused").Options);
        var efCore = context.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();

        MigrationCatalog.Cmms.Ids.Should().Equal(efCore).And.HaveCountGreaterThanOrEqualTo(3);
        MigrationCatalog.Cmms.Head.Should().Be(efCore[^1]);
    }

    [Fact]
    public void The_fast_path_refuses_the_servers_the_engine_refuses()
    {
        var engine = MigrationPreflight.MinimumServerVersion;

        MigrationsUpToDateCheck.MinimumServerVersionNumber.Should().Be((engine.Major * 10000) + engine.Minor);
    }
}
