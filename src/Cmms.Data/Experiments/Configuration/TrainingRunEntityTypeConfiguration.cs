using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Experiments.Configuration;

internal sealed class TrainingRunEntityTypeConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.ToTable("training_runs", t => t.HasCheckConstraint("ck_training_runs_epoch", "epoch >= 0"));

        builder.HasKey(x => x.Id);

        builder.HasOne(x => x.Experiment).WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(x => new { x.ExperimentId, x.Epoch }).HasDatabaseName("ux_training_runs_experiment_id_epoch").IsUnique(); // Q18
    }
}
