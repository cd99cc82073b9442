using Cmms.Data.Conventions;
using Cmms.Data.Tool.Connection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     The indexes the conventions pruned from the Cmms model (<c>GetPrunedIndexes()</c> on the design-time model), for
///     <c>--pruned</c>. It builds the model, which takes seconds, so only the commands asked for the list call it.
/// </summary>
internal static class PrunedIndexes
{
    public static IReadOnlyList<PrunedIndex> Read()
    {
        using var context = CmmsContextFactory.Create(CmmsContextFactory.ModelOnlyConnection);
        return context.GetService<IDesignTimeModel>().Model.GetPrunedIndexes();
    }
}
