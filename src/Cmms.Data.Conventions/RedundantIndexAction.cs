namespace Cmms.Data.Conventions;

/// <summary>
///     What the index conventions do with an explicitly declared index that another index or key makes redundant.
/// </summary>
public enum RedundantIndexAction
{
    /// <summary>
    ///     Remove the index from the model and log <see cref="Diagnostics.CmmsEventId.RedundantIndexRemoved" />, a warning
    ///     (the default). <c>ConfigureWarnings</c> can ignore that event, log it at another level or throw on it.
    /// </summary>
    Remove,

    /// <summary>Keep the index and log <see cref="Diagnostics.CmmsEventId.RedundantIndexKept" />, a warning naming what covers it.</summary>
    Warn,

    /// <summary>
    ///     Fail model building with one <see cref="InvalidOperationException" /> listing every redundant index.
    ///     <c>ConfigureWarnings(w =&gt; w.Throw(CmmsEventId.RedundantIndexRemoved))</c> with <see cref="Remove" /> fails
    ///     on the first one instead, with EF Core's usual warning-as-error message.
    /// </summary>
    Throw,
}
