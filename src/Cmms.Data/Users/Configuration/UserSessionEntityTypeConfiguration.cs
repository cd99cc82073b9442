using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Users.Configuration;

internal sealed class UserSessionEntityTypeConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.TokenHash).HasMaxLength(128);

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => x.TokenHash).HasDatabaseName("ux_user_sessions_token_hash").IsUnique(); // session lookup by token on every request
        builder.HasIndex(x => new { x.UserId, x.ExpiresAt }, "ix_user_sessions_user_id_expires_at") // a user's live sessions
            .IsDescending(false, true)
            .HasFilter("revoked_at IS NULL");
    }
}
