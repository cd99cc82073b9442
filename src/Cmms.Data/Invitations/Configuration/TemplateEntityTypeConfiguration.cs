using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Invitations.Configuration;

internal sealed class TemplateEntityTypeConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> builder)
    {
        builder.ToTable("templates", t => t.HasCheckConstraint("ck_templates_use_count", "use_count >= 0"));

        builder.HasKey(x => x.Id);

        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.AnimationType).HasMaxLength(50);

        builder.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // The shop's seven template indexes, verbatim; the conventions prune the redundant ones.
        builder.HasIndex(x => new { x.PlanId, x.CategoryId, x.IsActive }, "ix_templates_plan_id_category_id_is_active"); // Q5
        builder.HasIndex(x => new { x.PlanId, x.IsActive }, "ix_templates_plan_id_is_active"); // active templates of a plan
        builder.HasIndex(x => new { x.CategoryId, x.IsActive }, "ix_templates_category_id_is_active"); // active templates of a category
        builder.HasIndex(x => new { x.IsActive, x.UseCount }, "ix_templates_is_active_use_count").IsDescending(false, true); // Q7
        builder.HasIndex(x => new { x.IsPremium, x.IsActive }, "ix_templates_is_premium_is_active"); // premium template listing
        builder.HasIndex(x => new { x.AnimationType, x.IsActive }, "ix_templates_animation_type_is_active"); // templates filtered by animation
        builder.HasIndex(x => x.IsActive, "ix_templates_is_active"); // prefix of ix_templates_is_active_use_count, declared as the shop had it; the conventions remove it
    }
}
