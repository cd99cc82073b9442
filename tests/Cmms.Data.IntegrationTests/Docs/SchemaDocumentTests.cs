using System.Text.RegularExpressions;
using Cmms.Data.Conventions;
using Cmms.Data.IntegrationTests.Infrastructure;
using Cmms.Data.Analysis.Model;
using Cmms.Data.Tool.Connection;
using Cmms.Data.Bench.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.IntegrationTests.Docs;

/// <summary>
///     docs/schema.md stays true: its tables are the model's tables, every index or key it names exists in the model,
///     among the pruned indexes or in the migrations' SQL, and its query catalog is the one verify-plans and bench run.
/// </summary>
public sealed partial class SchemaDocumentTests
{
    private const string UnusedConnection = "Host=unused;Database=unused";

    private static readonly Lazy<string> Document = new(() => File.ReadAllText(Repository.File("docs", "schema.md")));

    [Fact]
    public void Its_tables_are_exactly_the_tables_of_the_model()
    {
        using var context = CmmsContextFactory.Create(UnusedConnection);
        var model = ExpectedSchemaReader.Read(context);

        var section = Document.Value[Document.Value.IndexOf("## Tables and their indexes", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];

        var documented = TableRow().Matches(section).Select(m => "public." + m.Groups["table"].Value);

        documented.Should().BeEquivalentTo(model.Tables).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Every_index_or_key_it_names_exists_in_the_model_among_the_pruned_or_in_the_migrations()
    {
        var script = (await CmmsDbRun.InProcessAsync("script")).Output;
        using var context = CmmsContextFactory.Create(UnusedConnection);
        var known = ExpectedSchemaReader.Read(context).Indexes.Select(i => i.Name)
            .Concat(context.GetService<IDesignTimeModel>().Model.GetPrunedIndexes().Select(p => p.Name))
            .Concat(IndexName().Matches(script).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        var named = IndexName().Matches(Document.Value).Select(m => m.Value).Distinct().ToList();

        named.Should().HaveCountGreaterThan(100, "the page names every declared index");
        named.Where(name => !known.Contains(name)).Should().BeEmpty("every name on the page is a real index or key");
    }

    [Fact]
    public void Its_query_catalog_is_the_one_verify_plans_runs_and_each_index_survives_pruning()
    {
        using var context = CmmsContextFactory.Create(UnusedConnection);
        var expected = new ExpectedIndexes(context.GetService<IDesignTimeModel>().Model.GetPrunedIndexes());

        var documented = CatalogRow().Matches(Document.Value)
            .Select(m => (m.Groups["id"].Value, m.Groups["query"].Value, m.Groups["table"].Value, m.Groups["index"].Value));

        documented.Should().Equal(QueryCatalog.All.Select(q => (q.Id, q.Description, q.Table, q.ServedBy)));
        QueryCatalog.All.Should().AllSatisfy(q => expected.For(q).Should().Be(q.ServedBy, "the page says no catalog index is pruned"));
    }

    // Index, key and constraint names as the model writes them; the trailing letter or digit keeps "ix_" prose out.
    [GeneratedRegex(@"\b(?:ix|ux|pk|ak)_[a-z0-9_]*[a-z0-9]\b")]
    private static partial Regex IndexName();

    // A row of an area's table, not its header: | table | columns | declared indexes | conventions |
    [GeneratedRegex(@"^\| (?<table>[a-z_]+) \| (?!columns \|)[^|]+ \| [^|]+ \| [^|]+ \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    // A row of the query catalog: | Q1 | query | table | `index` (note) |
    [GeneratedRegex(@"^\| (?<id>Q\d+) \| (?<query>[^|]+) \| (?<table>[a-z_]+) \| `(?<index>[a-z0-9_]+)`[^|]* \|$", RegexOptions.Multiline)]
    private static partial Regex CatalogRow();
}
