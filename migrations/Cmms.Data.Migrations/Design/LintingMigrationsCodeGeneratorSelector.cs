using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Design;

namespace Cmms.Data.Migrations.Design;

/// <summary>Hands out EF Core's migration code generators, each wrapped in a <see cref="LintingMigrationsCodeGenerator" />.</summary>
internal sealed class LintingMigrationsCodeGeneratorSelector(IMigrationsCodeGeneratorSelector inner, ICurrentDbContext currentContext)
    : IMigrationsCodeGeneratorSelector
{
    public IMigrationsCodeGenerator Select(string? language) => new LintingMigrationsCodeGenerator(inner.Select(language), currentContext.Context);

    public IMigrationsCodeGenerator? Override { get; set; }
}
