using Cmms.Data.Conventions.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Engine;

/// <summary>A row of one of <see cref="PlantContext" />'s three tables (pumps, valves, meters).</summary>
public sealed class PlantPart
{
    public long Id { get; set; }

    public int Zone { get; set; }

    public int Line { get; set; }

    public string Serial { get; set; } = string.Empty;
}

/// <summary>
///     A context with three tables whose second migration (<see cref="PlantMigrations.AddIndexes" />) builds indexes on all
///     three at once: the shape that parallel index builds serve. Not Cmms.Data's model, like <see cref="GaugeContext" />.
/// </summary>
public sealed class PlantContext(DbContextOptions<PlantContext> options) : DbContext(options)
{
    public static PlantContext Create(string connectionString, Action<SafeMigrationsOptionsBuilder>? configure = null)
        => new(EngineContextOptions.For<PlantContext>(connectionString, configure).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.SharedTypeEntity<PlantPart>("pump", builder =>
        {
            builder.ToTable("pumps");
            builder.HasIndex(p => new { p.Zone, p.Line }, "ix_pumps_zone_line");
            builder.HasIndex(p => p.Line, "ix_pumps_line");
        });
        modelBuilder.SharedTypeEntity<PlantPart>("valve", builder =>
        {
            builder.ToTable("valves");
            builder.HasIndex(v => v.Serial, "ux_valves_serial").IsUnique();
        });
        modelBuilder.SharedTypeEntity<PlantPart>("meter", builder =>
        {
            builder.ToTable("meters");
            builder.HasIndex(m => m.Zone, "ix_meters_zone");
        });
    }
}
