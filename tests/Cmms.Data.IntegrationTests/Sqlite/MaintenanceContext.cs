using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Sqlite;

/// <summary>
///     The model of a small maintenance application of the kind that runs on a SQLite file, with the index mistakes
///     such applications make: the seed's <c>idx_username</c> beside the unique <c>ix_users_username</c>, a prefix
///     pair on machines, and a worksheet foreign key whose only index is partial. Provider-neutral: the tests configure
///     SQLite or Npgsql.
/// </summary>
public class MaintenanceContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The users.</summary>
    public DbSet<MaintenanceUser> Users => Set<MaintenanceUser>();

    /// <summary>The machines.</summary>
    public DbSet<MaintenanceMachine> Machines => Set<MaintenanceMachine>();

    /// <summary>The worksheets.</summary>
    public DbSet<MaintenanceWorksheet> Worksheets => Set<MaintenanceWorksheet>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MaintenanceUser>(b =>
        {
            b.ToTable("users");
            b.HasIndex(u => u.Username, "ix_users_username").IsUnique().HasDatabaseName("ix_users_username");
            b.HasIndex(u => u.Username, "idx_username").HasDatabaseName("idx_username");
        });
        modelBuilder.Entity<MaintenanceMachine>(b =>
        {
            b.ToTable("machines");
            b.HasIndex(m => m.Site).HasDatabaseName("ix_machines_site");
            b.HasIndex(m => new { m.Site, m.Code }).IsUnique().HasDatabaseName("ux_machines_site_code");
        });
        modelBuilder.Entity<MaintenanceWorksheet>(b =>
        {
            b.ToTable("worksheets");
            b.HasOne(w => w.Machine).WithMany().HasForeignKey(w => w.MachineId);
            b.HasOne(w => w.Assignee).WithMany().HasForeignKey(w => w.AssigneeId);

            // Serves the open-jobs screen only: it does not serve the machine foreign key.
            b.HasIndex(w => new { w.MachineId, w.OpenedAt }).HasFilter("NOT closed").HasDatabaseName("ix_worksheets_open_by_machine");

            // Leads with the assignee foreign key's column: it serves that foreign key.
            b.HasIndex(w => new { w.AssigneeId, w.OpenedAt }).IsDescending(false, true).HasDatabaseName("ix_worksheets_assignee_id_opened_at");
        });
    }
}
