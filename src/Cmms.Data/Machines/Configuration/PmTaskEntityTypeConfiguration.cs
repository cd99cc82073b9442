using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Machines.Configuration;

internal sealed class PmTaskEntityTypeConfiguration : IEntityTypeConfiguration<PmTask>
{
    public void Configure(EntityTypeBuilder<PmTask> builder)
    {
        builder.ToTable("pm_tasks", t => t.HasCheckConstraint("ck_pm_tasks_interval_days", "interval_days > 0"));

        builder.HasKey(x => x.Id);

        builder.HasOne(x => x.Machine).WithMany().HasForeignKey(x => x.MachineId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.NextDueDate, "ix_pm_tasks_next_due_date").HasFilter("is_active"); // Q13
        builder.HasIndex(x => x.MachineId, "ix_pm_tasks_machine_id"); // a machine's PM plan; serves the FK
    }
}
