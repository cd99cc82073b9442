using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Worksheets.Configuration;

internal sealed class WorksheetPartEntityTypeConfiguration : IEntityTypeConfiguration<WorksheetPart>
{
    public void Configure(EntityTypeBuilder<WorksheetPart> builder)
    {
        builder.ToTable("worksheet_parts", t => t.HasCheckConstraint("ck_worksheet_parts_quantity", "quantity > 0"));

        builder.HasKey(x => new { x.WorksheetId, x.PartId });

        builder.HasOne(x => x.Worksheet).WithMany(x => x.Parts).HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Part).WithMany().HasForeignKey(x => x.PartId).OnDelete(DeleteBehavior.Restrict);

        // Prefix of pk_worksheet_parts, declared as the CMMS had it; the conventions remove it.
        builder.HasIndex(x => x.WorksheetId, "ix_worksheet_parts_worksheet_id");
    }
}
