using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Experiments.Configuration;

internal sealed class HpoCampaignEntityTypeConfiguration : IEntityTypeConfiguration<HpoCampaign>
{
    public void Configure(EntityTypeBuilder<HpoCampaign> builder)
    {
        builder.ToTable("hpo_campaigns");

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Status).HasMaxLength(20);

        builder.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Creator).WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.Status, "ix_hpo_campaigns_status"); // campaigns in a state (the scheduler polls running ones)
        builder.HasIndex(x => new { x.CreatedBy, x.Status }, "ix_hpo_campaigns_created_by_status"); // a user's campaigns in a state
    }
}
