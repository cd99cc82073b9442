using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Orders.Configuration;

internal sealed class OrderEntityTypeConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders", t => t.HasCheckConstraint("ck_orders_total_amount", "total_amount >= 0"));

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Status).HasMaxLength(20);
        builder.Property(x => x.TotalAmount).HasPrecision(12, 2);

        // Orders are financial records: a user or plan with orders is deactivated, not deleted.
        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);

        // The seven indexes of the shop, verbatim; the conventions remove the two prefixes.
        builder.HasIndex(x => new { x.UserId, x.Status }, "ix_orders_user_id_status"); // prefix of ix_orders_user_id_status_created_at
        builder.HasIndex(x => new { x.Status, x.CreatedAt }, "ix_orders_status_created_at").IsDescending(false, true); // Q2
        // A user's order history; serves the FK.
        builder.HasIndex(x => new { x.UserId, x.CreatedAt }, "ix_orders_user_id_created_at").IsDescending(false, true);
        builder.HasIndex(x => x.Status, "ix_orders_status"); // prefix of ix_orders_status_created_at
        builder.HasIndex(x => x.CreatedAt, "ix_orders_created_at"); // orders in a period (sales reports)
        builder.HasIndex(x => x.ApprovedAt, "ix_orders_approved_at"); // approvals in a period (revenue reports)
        builder.HasIndex(x => new { x.UserId, x.Status, x.CreatedAt }, "ix_orders_user_id_status_created_at")
            .IsDescending(false, false, true); // Q1
    }
}
