using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Experiments.Configuration;

internal sealed class ApiRequestLogEntityTypeConfiguration : IEntityTypeConfiguration<ApiRequestLog>
{
    public void Configure(EntityTypeBuilder<ApiRequestLog> builder)
    {
        builder.ToTable("api_request_logs");

        builder.HasKey(x => x.Id);

        // Restrict: the request history outlives its key; keys are retired with api_keys.is_active, not deleted.
        builder.HasOne(x => x.ApiKey).WithMany().HasForeignKey(x => x.ApiKeyId).OnDelete(DeleteBehavior.Restrict);

        // Rows arrive in created_at order, so a BRIN index stays tiny and still prunes by block range:
        // https://www.postgresql.org/docs/current/brin-intro.html
        builder.HasIndex(x => x.CreatedAt, "ix_api_request_logs_created_at").HasMethod("brin"); // Q24
        builder.HasIndex(x => new { x.ApiKeyId, x.CreatedAt }, "ix_api_request_logs_api_key_id_created_at").IsDescending(false, true); // a key's requests, newest first
    }
}
