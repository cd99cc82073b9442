using Cmms.Data.Conventions.Diagnostics.Internal;
using Cmms.Data.Conventions.Indexes;
using Cmms.Data.Conventions.Naming;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Cmms.Data.Conventions.Internal;

/// <summary>
///     Wires the Cmms.Data conventions into EF Core's convention set; all decisions live in the conventions.
/// </summary>
internal sealed class CmmsConventionSetPlugin(
    IDbContextOptions options,
    ProviderConventionSetBuilderDependencies dependencies,
    CmmsLoggingDefinitions loggingDefinitions) : IConventionSetPlugin
{
    public ConventionSet ModifyConventions(ConventionSet conventionSet)
    {
        var extension = options.FindExtension<CmmsConventionsOptionsExtension>();
        if (extension is null)
        {
            return conventionSet;
        }

        var finalizingPosition = 0;
        if (extension.UseSnakeCaseNames)
        {
            var naming = new SnakeCaseNamingConvention();
            conventionSet.ModelFinalizingConventions.Insert(finalizingPosition++, naming);
            conventionSet.IndexAddedConventions.Add(naming);
        }

        if (extension.UseIndexConventions)
        {
            // EF Core's ForeignKeyIndexConvention decides before filters and methods are known (dotnet/efcore#24237);
            // the index conventions decide foreign key indexes at finalization instead.
            conventionSet.Remove(typeof(ForeignKeyIndexConvention));
            var pruning = new IndexPruningConvention(
                extension.RedundantIndexAction,
                new IndexConventionsLogger(dependencies.Logger, loggingDefinitions),
                extension.UseSnakeCaseNames ? SnakeCaseNameRewriter.Rewrite : static name => name);
            conventionSet.ModelFinalizingConventions.Insert(finalizingPosition, pruning);
            conventionSet.ModelFinalizedConventions.Insert(0, pruning);
        }

        return conventionSet;
    }
}
