namespace Cmms.Data.Conventions.Metadata;

/// <summary>
///     Names of the model annotations Cmms.Data reads and writes. All share the <see cref="Prefix" />.
/// </summary>
public static class CmmsAnnotationNames
{
    /// <summary>The prefix of every Cmms.Data annotation.</summary>
    public const string Prefix = "Cmms:";

    /// <summary>On an index: keep it even when the index conventions find it redundant.</summary>
    public const string AllowRedundant = Prefix + "AllowRedundant";

    /// <summary>On the model (a runtime annotation): the indexes the index conventions left out.</summary>
    public const string PrunedIndexes = Prefix + "PrunedIndexes";
}
