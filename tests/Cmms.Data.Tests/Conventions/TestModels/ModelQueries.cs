using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Tests.Conventions.TestModels;

/// <summary>Reads a finalized model the way the assertions need it.</summary>
internal static class ModelQueries
{
    public static IReadOnlyList<string> IndexNames<TEntity>(this IModel model)
        => model.FindEntityType(typeof(TEntity))!.GetIndexes().Select(i => i.GetDatabaseName()!).Order(StringComparer.Ordinal).ToList();

    public static IIndex Index<TEntity>(this IModel model, string name)
        => model.FindEntityType(typeof(TEntity))!.GetIndexes().Single(i => i.GetDatabaseName() == name);

    public static IReadOnlyList<string> Columns(this IIndex index)
        => index.Properties.Select(p => p.GetColumnName()).ToList();
}
