using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Machines.Configuration;

internal sealed class StockTransactionEntityTypeConfiguration : IEntityTypeConfiguration<StockTransaction>
{
    public void Configure(EntityTypeBuilder<StockTransaction> builder)
    {
        builder.ToTable("stock_transactions", t => t.HasCheckConstraint("ck_stock_transactions_quantity", "quantity <> 0"));

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Reference).HasMaxLength(100);

        builder.HasOne(x => x.Part).WithMany().HasForeignKey(x => x.PartId).OnDelete(DeleteBehavior.Restrict);
        // The stock movement stays when its worksheet goes; it only loses the link.
        builder.HasOne(x => x.Worksheet).WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(x => new { x.PartId, x.OccurredAt }, "ix_stock_transactions_part_id_occurred_at").IsDescending(false, true); // Q14
        builder.HasIndex(x => x.Reference, "ix_stock_transactions_reference"); // movements of one delivery note or invoice
        builder.HasIndex(x => x.OccurredAt, "ix_stock_transactions_occurred_at"); // movements in a period (stock reports)
    }
}
