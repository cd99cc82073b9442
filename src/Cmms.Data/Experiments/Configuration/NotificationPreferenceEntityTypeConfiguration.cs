using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Experiments.Configuration;

internal sealed class NotificationPreferenceEntityTypeConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");

        builder.HasKey(x => x.Id);
        builder.HasAlternateKey(x => new { x.UserId, x.EventType }).HasName("ak_notification_preferences_user_id_event_type");

        builder.Property(x => x.EventType).HasMaxLength(64);
        builder.Property(x => x.Channel).HasMaxLength(20);

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => new { x.UserId, x.EventType }, "ix_notification_preferences_user_id_event_type"); // duplicate of the unique constraint, declared as the ML platform had it; the conventions remove it
    }
}
