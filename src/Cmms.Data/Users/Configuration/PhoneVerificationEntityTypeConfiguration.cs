using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Users.Configuration;

internal sealed class PhoneVerificationEntityTypeConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> builder)
    {
        builder.ToTable("phone_verifications");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.CodeHash).HasMaxLength(128);

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);

        // A user's latest codes (resend throttling).
        builder.HasIndex(x => new { x.UserId, x.CreatedAt }, "ix_phone_verifications_user_id_created_at").IsDescending(false, true);
        builder.HasIndex(x => x.UserId).HasDatabaseName("ix_phone_verifications_user_id_unused").HasFilter("NOT is_used"); // Q8
        builder.HasIndex(x => x.ExpiresAt, "ix_phone_verifications_expires_at"); // purge of expired codes
    }
}
