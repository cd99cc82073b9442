using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Users.Configuration;

internal sealed class ApiKeyEntityTypeConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.KeyHash).HasMaxLength(128);

        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => x.KeyHash).HasDatabaseName("ux_api_keys_key_hash").IsUnique(); // key lookup on every API request
        // A user's active keys; it also serves the FK to users, so the conventions add no ix_api_keys_user_id.
        builder.HasIndex(x => new { x.UserId, x.IsActive }, "ix_api_keys_user_id_is_active");
    }
}
