using System.Text.RegularExpressions;
using Cmms.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Tests.Tool;

/// <summary>
///     <c>--pruned</c> lists real model indexes: one the conventions pruned keeps the name it was declared or created
///     with, never EF Core's uniquified stand-in (<c>ix_phone_verifications_user_id1</c>, which existed nowhere).
/// </summary>
public sealed partial class PrunedIndexNameTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    [Fact]
    public void No_pruned_index_is_named_as_another_index_with_a_number_appended()
    {
        var model = fixture.Model;
        var pruned = model.GetPrunedIndexes();
        var names = model.GetRelationalModel().Tables.SelectMany(t => t.Indexes).Select(i => i.Name)
            .Concat(pruned.Select(p => p.Name))
            .ToHashSet(StringComparer.Ordinal);

        var uniquified = pruned.Select(p => Uniquified().Match(p.Name)).Where(m => m.Success && names.Contains(m.Groups["base"].Value)).Select(m => m.Value);

        pruned.Should().NotBeEmpty();
        pruned.Select(p => p.Name).Should().OnlyHaveUniqueItems();
        uniquified.Should().BeEmpty();
    }

    [GeneratedRegex(@"^(?<base>.+\D)\d+$")]
    private static partial Regex Uniquified();
}
