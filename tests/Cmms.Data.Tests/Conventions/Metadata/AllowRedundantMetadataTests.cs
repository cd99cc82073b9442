using Cmms.Data.Conventions.Metadata;
using Cmms.Data.Tests.Conventions.TestModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmms.Data.Tests.Conventions.Metadata;

public class AllowRedundantMetadataTests
{
    private static (IMutableIndex Index, IConventionIndex Convention) DeclareIndex(Action<IndexBuilder<Child>>? configure = null)
    {
        // No conventions: only what each test sets is on the index.
        var builder = new ModelBuilder().Entity<Child>().HasIndex(c => c.A, "ix_children_a");
        configure?.Invoke(builder);
        return (builder.Metadata, (IConventionIndex)builder.Metadata);
    }

    [Fact]
    public void Fluent_AllowRedundant_sets_the_annotation_explicitly()
    {
        var (index, convention) = DeclareIndex(b => b.AllowRedundant());

        index.GetAllowRedundant().Should().BeTrue();
        index.FindAnnotation(CmmsAnnotationNames.AllowRedundant)!.Value.Should().Be(true);
        convention.GetAllowRedundantConfigurationSource().Should().Be(ConfigurationSource.Explicit);
    }

    [Fact]
    public void Fluent_AllowRedundant_false_is_kept_as_an_explicit_false()
    {
        var (index, convention) = DeclareIndex(b => b.AllowRedundant(false));

        index.GetAllowRedundant().Should().BeFalse();
        index.FindAnnotation(CmmsAnnotationNames.AllowRedundant)!.Value.Should().Be(false);
        convention.GetAllowRedundantConfigurationSource().Should().Be(ConfigurationSource.Explicit);
    }

    [Fact]
    public void An_unconfigured_index_is_not_allowed_redundant_and_has_no_configuration_source()
    {
        var (index, convention) = DeclareIndex();

        index.GetAllowRedundant().Should().BeFalse();
        convention.GetAllowRedundantConfigurationSource().Should().BeNull();
    }

    [Fact]
    public void A_convention_cannot_override_an_explicit_setting()
    {
        var (index, convention) = DeclareIndex(b => b.AllowRedundant(false));

        convention.Builder.CanSetAllowRedundant(true).Should().BeFalse();
        convention.Builder.AllowRedundant(true).Should().BeNull();
        convention.Builder.AllowRedundant(true, fromDataAnnotation: true).Should().BeNull();
        index.GetAllowRedundant().Should().BeFalse();
    }

    [Fact]
    public void A_data_annotation_overrides_a_convention_and_records_its_source()
    {
        var (index, convention) = DeclareIndex();

        convention.Builder.AllowRedundant(false).Should().BeSameAs(convention.Builder);
        convention.GetAllowRedundantConfigurationSource().Should().Be(ConfigurationSource.Convention);

        convention.Builder.CanSetAllowRedundant(true, fromDataAnnotation: true).Should().BeTrue();
        convention.Builder.AllowRedundant(true, fromDataAnnotation: true).Should().BeSameAs(convention.Builder);

        index.GetAllowRedundant().Should().BeTrue();
        convention.GetAllowRedundantConfigurationSource().Should().Be(ConfigurationSource.DataAnnotation);
        convention.Builder.AllowRedundant(false).Should().BeNull("a convention ranks below a data annotation");
    }

    [Fact]
    public void Setting_null_removes_the_annotation()
    {
        var (index, convention) = DeclareIndex(b => b.AllowRedundant());

        index.SetAllowRedundant(null);

        index.FindAnnotation(CmmsAnnotationNames.AllowRedundant).Should().BeNull();
        index.GetAllowRedundant().Should().BeFalse();
        convention.GetAllowRedundantConfigurationSource().Should().BeNull();
    }

    [Fact]
    public void Convention_setter_returns_the_value_it_set()
    {
        var (_, convention) = DeclareIndex();

        convention.SetAllowRedundant(true, fromDataAnnotation: true).Should().BeTrue();
        convention.SetAllowRedundant(null, fromDataAnnotation: true).Should().BeNull();
        convention.FindAnnotation(CmmsAnnotationNames.AllowRedundant).Should().BeNull();
    }
}
