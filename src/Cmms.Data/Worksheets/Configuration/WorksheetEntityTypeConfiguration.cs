using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Worksheets.Configuration;

internal sealed class WorksheetEntityTypeConfiguration : IEntityTypeConfiguration<Worksheet>
{
    public void Configure(EntityTypeBuilder<Worksheet> builder)
    {
        builder.ToTable("worksheets");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Status).HasMaxLength(20);
        builder.Property(x => x.Priority).HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.HasGeneratedTsVectorColumn(x => x.SearchVector, "english", x => new { x.Title, x.Description });

        builder.HasOne(x => x.Machine).WithMany().HasForeignKey(x => x.MachineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.CreatedByUser).WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        // Deleting a technician returns their open work to the unassigned pool.
        builder.HasOne(x => x.AssignedToUser).WithMany().HasForeignKey(x => x.AssignedToUserId).OnDelete(DeleteBehavior.SetNull);

        // Worksheets of a status, newest first.
        builder.HasIndex(x => new { x.Status, x.CreatedAt }, "ix_worksheets_status_created_at").IsDescending(false, true);
        // A machine's work history; serves the FK.
        builder.HasIndex(x => new { x.MachineId, x.CreatedAt }, "ix_worksheets_machine_id_created_at").IsDescending(false, true);
        // Q10. Partial, so it cannot serve the FK: the conventions still add the full ix_worksheets_assigned_to_user_id.
        builder.HasIndex(x => new { x.AssignedToUserId, x.Status }, "ix_worksheets_assigned_to_user_id_status")
            .HasFilter("status <> 'closed'");
        // Prefix of ix_worksheets_status_created_at, declared as the CMMS had it; the conventions remove it.
        builder.HasIndex(x => x.Status, "ix_worksheets_status");
        builder.HasIndex(x => x.SearchVector, "ix_worksheets_search_vector").HasMethod("gin"); // Q11
    }
}
