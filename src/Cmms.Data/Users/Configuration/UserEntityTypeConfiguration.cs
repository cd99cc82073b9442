using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Users.Configuration;

internal sealed class UserEntityTypeConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Username).HasMaxLength(100);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.NormalizedEmail).HasMaxLength(256);
        builder.Property(x => x.Preferences).HasColumnType("jsonb");

        builder.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.CurrentPlan).WithMany().HasForeignKey(x => x.CurrentPlanId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(x => x.Username).HasDatabaseName("ux_users_username").IsUnique(); // one account per login name
        builder.HasIndex(x => x.NormalizedEmail).HasDatabaseName("ux_users_normalized_email").IsUnique(); // Q25
        // Duplicate of ux_users_username, declared as the CMMS had it (idx_username beside the unique); the conventions remove it.
        builder.HasIndex(x => x.Username, "ix_users_username");
        builder.HasIndex(x => new { x.IsActive, x.IsPhoneVerified }, "ix_users_is_active_is_phone_verified"); // Q9b
        builder.HasIndex(x => x.CreatedAt, "ix_users_created_at").IsDescending(); // Q9
        builder.HasIndex(x => x.CurrentPlanId, "ix_users_current_plan_id"); // subscribers of a plan; serves the FK to plans
    }
}
