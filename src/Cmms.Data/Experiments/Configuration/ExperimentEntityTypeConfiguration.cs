using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Experiments.Configuration;

internal sealed class ExperimentEntityTypeConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.ToTable("experiments");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Status).HasMaxLength(20);
        builder.Property(x => x.Config).HasColumnType("jsonb");
        builder.Property(x => x.Metrics).HasColumnType("jsonb");

        builder.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.HpoCampaign).WithMany().HasForeignKey(x => x.HpoCampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(x => x.Creator).WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => new { x.CreatedBy, x.Status, x.CreatedAt }, "ix_experiments_created_by_status_created_at").IsDescending(false, false, true); // Q16
        builder.HasIndex(x => x.Status, "ix_experiments_status"); // experiments in a state (the scheduler polls queued ones)
        builder.HasIndex(x => x.Config, "ix_experiments_config").HasMethod("gin").HasOperators("jsonb_path_ops"); // Q17
        builder.HasIndex(x => x.CreatedAt, "ix_experiments_created_at").IsDescending(); // newest experiments across users
    }
}
