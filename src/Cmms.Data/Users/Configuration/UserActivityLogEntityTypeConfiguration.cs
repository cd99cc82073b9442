using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Users.Configuration;

internal sealed class UserActivityLogEntityTypeConfiguration : IEntityTypeConfiguration<UserActivityLog>
{
    public void Configure(EntityTypeBuilder<UserActivityLog> builder)
    {
        builder.ToTable("user_activity_logs");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.ActivityType).HasMaxLength(50);
        builder.Property(x => x.Details).HasColumnType("jsonb");

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => new { x.UserId, x.CreatedAt }, "ix_user_activity_logs_user_id_created_at").IsDescending(false, true); // Q6
        // A user's activities of one type.
        builder.HasIndex(x => new { x.UserId, x.ActivityType }, "ix_user_activity_logs_user_id_activity_type");
        builder.HasIndex(x => x.CreatedAt, "ix_user_activity_logs_created_at"); // activity in a time window; retention purge
        // One activity type over time.
        builder.HasIndex(x => new { x.ActivityType, x.CreatedAt }, "ix_user_activity_logs_activity_type_created_at");
    }
}
