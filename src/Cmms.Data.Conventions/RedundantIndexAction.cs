namespace Cmms.Data.Conventions;

/// <summary>
///     What the index conventions do with an explicitly declared index that another index or key makes redundant.
/// </summary>
public enum RedundantIndexAction
{
    /// <summary>Remove the index from the model and log a warning (the default).</summary>
    Remove,

    /// <summary>Keep the index and log a warning naming what covers it.</summary>
    Warn,

    /// <summary>Fail model building with an exception listing every redundant index.</summary>
    Throw,
}
