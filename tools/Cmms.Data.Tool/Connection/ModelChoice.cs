using Cmms.Data.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.Tool.Connection;

/// <summary>
///     What <c>--model</c> of <c>analyze</c> and <c>advise</c> means: the Cmms.Data model on the same connection,
///     compared always (<c>cmms</c>), not at all (<c>none</c>), or, when the option is not given, only when the
///     database's history holds its migrations.
/// </summary>
/// <param name="Context">Creates the model's context, or <see langword="null" /> for no model.</param>
/// <param name="Check">When the model applies.</param>
internal sealed record ModelChoice(Func<DbContext>? Context, ModelCheck Check)
{
    public static ModelChoice From(string? model, string connectionString)
        => new(
            model == "none" ? null : () => CmmsContextFactory.Create(connectionString),
            model == "cmms" ? ModelCheck.Always : ModelCheck.WhenMigrated);
}
