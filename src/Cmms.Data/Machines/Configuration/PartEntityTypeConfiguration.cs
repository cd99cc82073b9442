using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Machines.Configuration;

internal sealed class PartEntityTypeConfiguration : IEntityTypeConfiguration<Part>
{
    public void Configure(EntityTypeBuilder<Part> builder)
    {
        builder.ToTable("parts", t =>
        {
            t.HasCheckConstraint("ck_parts_quantity_on_hand", "quantity_on_hand >= 0");
            t.HasCheckConstraint("ck_parts_unit_cost", "unit_cost >= 0");
        });

        builder.HasKey(x => x.Id);

        builder.Property(x => x.PartNumber).HasMaxLength(50);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.UnitCost).HasPrecision(12, 2);

        builder.HasIndex(x => x.PartNumber).HasDatabaseName("ux_parts_part_number").IsUnique(); // part lookup by part number
    }
}
