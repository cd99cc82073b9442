using Cmms.Data.Conventions.Migrations.Linting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Migrations.Design;

/// <summary>
///     EF Core's migration code generator that first lints the operations of the migration being scaffolded and writes
///     the findings through the context's diagnostics, which <c>dotnet ef migrations add</c> prints.
/// </summary>
/// <remarks>
///     The code generator is the one design-time service that sees a new migration's operations: the scaffolder
///     (<c>MigrationsScaffolder.ScaffoldMigration</c>) only returns the generated code.
/// </remarks>
internal sealed class LintingMigrationsCodeGenerator(IMigrationsCodeGenerator inner, DbContext context) : IMigrationsCodeGenerator
{
    public string FileExtension => inner.FileExtension;

    public string? Language => inner.Language;

    public string GenerateMigration(
        string? migrationNamespace,
        string migrationName,
        IReadOnlyList<MigrationOperation> upOperations,
        IReadOnlyList<MigrationOperation> downOperations)
    {
        MigrationLinter.Log(context, MigrationLinter.Lint(migrationName, upOperations));
        return inner.GenerateMigration(migrationNamespace, migrationName, upOperations, downOperations);
    }

    public string GenerateMetadata(string? migrationNamespace, Type contextType, string migrationName, string migrationId, IModel targetModel)
        => inner.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel);

    public string GenerateSnapshot(string? modelSnapshotNamespace, Type contextType, string modelSnapshotName, IModel model)
        => inner.GenerateSnapshot(modelSnapshotNamespace, contextType, modelSnapshotName, model);
}
