using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Users.Configuration;

internal sealed class AuditLogEntityTypeConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable("audit_logs");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.EntityType).HasMaxLength(100);
        builder.Property(x => x.EntityId).HasMaxLength(64);
        builder.Property(x => x.Action).HasMaxLength(20);
        builder.Property(x => x.Changes).HasColumnType("jsonb");

        // The trail outlives the user: deleting a user keeps their changes, without the author.
        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(x => new { x.EntityType, x.EntityId, x.OccurredAt }, "ix_audit_logs_entity_type_entity_id_occurred_at")
            .IsDescending(false, false, true); // Q15
        builder.HasIndex(x => x.OccurredAt, "ix_audit_logs_occurred_at"); // changes in a time window; retention purge
        // Changes containing a JSON object (@>).
        builder.HasIndex(x => x.Changes, "ix_audit_logs_changes").HasMethod("gin").HasOperators("jsonb_path_ops");
    }
}
