using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Tests.Model;

/// <summary>
///     The design-time model of <see cref="CmmsDbContext" /> as <c>UseCmmsData</c> configures it, built once per test
///     run and shared by the model tests (<c>IClassFixture&lt;ModelFixture&gt;</c>). No database is involved: the
///     connection string is never opened.
/// </summary>
public sealed class ModelFixture
{
    private static readonly Lazy<(IModel Model, string CreateScript)> DesignTime = new(Build);

    /// <summary>The finalized design-time model, carrying the conventions' results (<c>GetPrunedIndexes()</c>).</summary>
    public IModel Model { get; } = DesignTime.Value.Model;

    /// <summary>
    ///     The SQL script that creates the schema from <see cref="Model" /> (<c>GenerateCreateScript()</c>): what a
    ///     migration would run, for the details only the SQL generator derives, such as generated tsvector columns.
    /// </summary>
    public string CreateScript { get; } = DesignTime.Value.CreateScript;

    private static (IModel, string) Build()
    {
        var options = new DbContextOptionsBuilder<CmmsDbContext>();
        options.UseCmmsData("Host=unused;Database=unused");
        using var context = new CmmsDbContext(options.Options);
        return (context.GetService<IDesignTimeModel>().Model, context.Database.GenerateCreateScript());
    }
}
