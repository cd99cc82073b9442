using Cmms.Data.Conventions.Diagnostics.Internal;
using Cmms.Data.Conventions.Indexes;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Cmms.Data.Conventions.Internal;

/// <summary>
///     Wires the Cmms.Data conventions into EF Core's convention set; all decisions live in the conventions.
/// </summary>
internal sealed class CmmsConventionSetPlugin(
    IDbContextOptions options,
    ProviderConventionSetBuilderDependencies dependencies,
    IDatabaseProvider databaseProvider,
    CmmsLoggingDefinitions loggingDefinitions) : IConventionSetPlugin
{
    public ConventionSet ModifyConventions(ConventionSet conventionSet)
    {
        var extension = options.FindExtension<CmmsConventionsOptionsExtension>();
        if (extension is null)
        {
            return conventionSet;
        }

        if (extension.UseIndexConventions)
        {
            // EF Core's ForeignKeyIndexConvention decides before filters and methods are known (dotnet/efcore#24237);
            // the index conventions decide foreign key indexes at finalization instead.
            conventionSet.Remove(typeof(ForeignKeyIndexConvention));
            var pruning = new IndexPruningConvention(
                extension.RedundantIndexAction,

                // The provider itself, never the connection string: SQLite judges indexes as it builds them.
                IndexCapabilities.For(databaseProvider.Name),
                new IndexConventionsLogger(dependencies.Logger, loggingDefinitions));
            conventionSet.ModelFinalizingConventions.Insert(0, pruning);
            conventionSet.ModelFinalizingConventions.Insert(1, pruning.ForeignKeyIndexNaming);
            conventionSet.ModelFinalizedConventions.Insert(0, pruning);
        }

        return conventionSet;
    }
}
