using Cmms.Data.Conventions.Internal;

namespace Cmms.Data.Conventions;

/// <summary>
///     Configures the Cmms.Data index conventions; passed to
///     <see cref="Microsoft.EntityFrameworkCore.IndexConventionsDbContextOptionsBuilderExtensions.UseIndexConventions(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder, Action{IndexConventionsOptionsBuilder}?)" />.
/// </summary>
public sealed class IndexConventionsOptionsBuilder
{
    internal IndexConventionsOptionsBuilder(CmmsConventionsOptionsExtension extension) => Extension = extension;

    internal CmmsConventionsOptionsExtension Extension { get; private set; }

    /// <summary>
    ///     Chooses what happens to an explicitly declared index that duplicates a key, a unique constraint or another
    ///     index, or is a leading prefix of another index. <see cref="RedundantIndexAction.Remove" /> by default.
    /// </summary>
    /// <remarks>
    ///     Each removal is also the warning <see cref="Diagnostics.CmmsEventId.RedundantIndexRemoved" />:
    ///     <c>ConfigureWarnings(w =&gt; w.Throw(CmmsEventId.RedundantIndexRemoved))</c> fails on the first one,
    ///     <c>w.Ignore(...)</c> removes silently.
    /// </remarks>
    /// <param name="action">The action to take.</param>
    /// <returns>The same builder, for chaining.</returns>
    public IndexConventionsOptionsBuilder RedundantIndexes(RedundantIndexAction action)
    {
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown redundant index action.");
        }

        Extension = Extension.WithRedundantIndexAction(action);
        return this;
    }
}
