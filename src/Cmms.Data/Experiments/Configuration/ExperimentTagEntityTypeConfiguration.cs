using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Experiments.Configuration;

internal sealed class ExperimentTagEntityTypeConfiguration : IEntityTypeConfiguration<ExperimentTag>
{
    public void Configure(EntityTypeBuilder<ExperimentTag> builder)
    {
        builder.ToTable("experiment_tags");

        builder.HasKey(x => new { x.ExperimentId, x.TagId });

        builder.HasOne(x => x.Experiment).WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Tag).WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.AddedByUser).WithMany().HasForeignKey(x => x.AddedBy).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => new { x.ExperimentId, x.TagId }, "ix_experiment_tags_experiment_id_tag_id"); // duplicate of the primary key, declared as the ML platform had it; the conventions remove it
        builder.HasIndex(x => x.TagId, "ix_experiment_tags_tag_id"); // experiments with a tag; also serves the tag_id foreign key
    }
}
