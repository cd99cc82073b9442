using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Orders.Configuration;

internal sealed class PlanEntityTypeConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Code).HasMaxLength(50);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Price).HasPrecision(12, 2);

        builder.HasIndex(x => x.Code).HasDatabaseName("ux_plans_code").IsUnique(); // plan lookup by code
        // Duplicate of ux_plans_code, declared as the shop had it; the conventions remove it.
        builder.HasIndex(x => x.Code, "ix_plans_code");
        // The plan list: active plans in display order.
        builder.HasIndex(x => new { x.IsActive, x.SortOrder }, "ix_plans_is_active_sort_order");
    }
}
