using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Machines.Configuration;

internal sealed class MachineEntityTypeConfiguration : IEntityTypeConfiguration<Machine>
{
    public void Configure(EntityTypeBuilder<Machine> builder)
    {
        builder.ToTable("machines");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.SerialNumber).HasMaxLength(100);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Status).HasMaxLength(20);
        builder.Property(x => x.Attributes).HasColumnType("jsonb");

        builder.HasOne(x => x.ProductionLine).WithMany().HasForeignKey(x => x.ProductionLineId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.SerialNumber).HasDatabaseName("ux_machines_serial_number").IsUnique(); // machine lookup by serial number
        // Duplicate of ux_machines_serial_number, declared as the CMMS had it (idx_serial_number); the conventions remove it.
        builder.HasIndex(x => x.SerialNumber, "ix_machines_serial_number");
        // A line's machines by status; serves the FK.
        builder.HasIndex(x => new { x.ProductionLineId, x.Status }, "ix_machines_production_line_id_status");
        builder.HasIndex(x => x.Attributes, "ix_machines_attributes").HasMethod("gin").HasOperators("jsonb_path_ops"); // Q12
    }
}
