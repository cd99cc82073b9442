using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting;

/// <summary>
///     The acknowledgements a migration carries on its operations: annotations <c>Cmms:LintAcknowledged:{ruleId}</c>
///     whose value is the reviewer's reason, written by
///     <see cref="Microsoft.EntityFrameworkCore.MigrationLintOperationBuilderExtensions.AcknowledgeLint{TOperation}" />.
/// </summary>
internal static class MigrationLintAcknowledgements
{
    public const string AnnotationPrefix = "Cmms:LintAcknowledged:";

    public static IReadOnlyDictionary<string, string> Of(MigrationOperation operation)
        => operation.GetAnnotations()
            .Where(a => a.Name.StartsWith(AnnotationPrefix, StringComparison.Ordinal) && a.Value is string)
            .ToDictionary(a => a.Name[AnnotationPrefix.Length..], a => (string)a.Value!, StringComparer.OrdinalIgnoreCase);
}
