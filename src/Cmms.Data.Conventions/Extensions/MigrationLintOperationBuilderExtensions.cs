using Cmms.Data.Conventions.Migrations.Linting;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Acknowledges a reviewed migration operation that a lint rule reports, so lint gates let it pass on purpose.</summary>
public static class MigrationLintOperationBuilderExtensions
{
    /// <summary>
    ///     Marks the operation as reviewed for the rule: <c>cmms-db lint</c> and <c>dotnet ef migrations add</c> still show
    ///     the finding with the reason, but <c>--fail-on</c> gates do not count it.
    /// </summary>
    /// <example><c>migrationBuilder.DropColumn("legacy_code", "machines").AcknowledgeLint("CMMS1004", "unused since 2.3, ticket OPS-41");</c></example>
    /// <typeparam name="TOperation">The operation type.</typeparam>
    /// <param name="builder">The operation's builder, as <c>migrationBuilder.XXX(...)</c> returns it.</param>
    /// <param name="ruleId">The rule's id (see <see cref="MigrationLinter.Rules" />).</param>
    /// <param name="reason">Why the operation is safe here; required, so the decision stays readable in code review.</param>
    /// <returns>The same builder.</returns>
    public static OperationBuilder<TOperation> AcknowledgeLint<TOperation>(this OperationBuilder<TOperation> builder, string ruleId, string reason)
        where TOperation : MigrationOperation
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!MigrationLinter.Rules.Any(r => string.Equals(r.Id, ruleId, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"'{ruleId}' is not a migration lint rule id; see MigrationLinter.Rules.", nameof(ruleId));
        }

        return builder.Annotation(MigrationLintAcknowledgements.AnnotationPrefix + ruleId.ToUpperInvariant(), reason);
    }
}
