using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Cmms.Data.Conventions.Naming;

/// <summary>
///     Rewrites every name EF Core derives by convention (tables, columns, primary keys, alternate keys, foreign keys
///     and indexes) into snake_case. Explicitly configured names are left as written.
/// </summary>
/// <remarks>
///     Runs first among the model-finalizing conventions, so the other conventions (the index conventions included)
///     see final table and column names. Indexes added later during finalization are named when they are added.
/// </remarks>
internal sealed class SnakeCaseNamingConvention : IModelFinalizingConvention, IIndexAddedConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            RewriteTableName(entityType);
        }

        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                RewriteColumnName(property);
            }

            foreach (var key in entityType.GetDeclaredKeys())
            {
                if (!IsExplicit(key.GetNameConfigurationSource()) && key.GetDefaultName() is { } name)
                {
                    key.Builder.HasName(SnakeCaseNameRewriter.Rewrite(name));
                }
            }

            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
            {
                if (!IsExplicit(foreignKey.GetConstraintNameConfigurationSource())
                    && foreignKey.GetDefaultName() is { } name)
                {
                    foreignKey.Builder.HasConstraintName(SnakeCaseNameRewriter.Rewrite(name));
                }
            }

            foreach (var index in entityType.GetDeclaredIndexes())
            {
                RewriteIndexName(index);
            }
        }
    }

    public void ProcessIndexAdded(IConventionIndexBuilder indexBuilder, IConventionContext<IConventionIndexBuilder> context)
        => RewriteIndexName(indexBuilder.Metadata);

    private static void RewriteTableName(IConventionEntityType entityType)
    {
        if (entityType.FindOwnership() is not null || IsExplicit(entityType.GetTableNameConfigurationSource()))
        {
            return;
        }

        // A derived type of a TPH hierarchy has no table of its own: only roots and types with their own table
        // annotation (TPT, TPC) are renamed.
        var ownsTable = entityType.BaseType is null
            || entityType.FindAnnotation(RelationalAnnotationNames.TableName) is not null;
        if (ownsTable && entityType.GetTableName() is { } tableName)
        {
            entityType.Builder.ToTable(SnakeCaseNameRewriter.Rewrite(tableName), entityType.GetSchema());
        }
    }

    private static void RewriteColumnName(IConventionProperty property)
    {
        if (IsExplicit(property.GetColumnNameConfigurationSource()) || property.DeclaringType.IsMappedToJson())
        {
            return;
        }

        property.Builder.HasColumnName(SnakeCaseNameRewriter.Rewrite(property.GetColumnName()));
    }

    private static void RewriteIndexName(IConventionIndex index)
    {
        // A named index (HasIndex(..., "ix_name")) uses its name as written.
        if (index.Name is null
            && !IsExplicit(index.GetDatabaseNameConfigurationSource())
            && index.GetDefaultDatabaseName() is { } name)
        {
            index.Builder.HasDatabaseName(SnakeCaseNameRewriter.Rewrite(name));
        }
    }

    private static bool IsExplicit(ConfigurationSource? source)
        => source is ConfigurationSource.Explicit or ConfigurationSource.DataAnnotation;
}
