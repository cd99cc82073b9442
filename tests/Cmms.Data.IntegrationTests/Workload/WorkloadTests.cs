namespace Cmms.Data.IntegrationTests.Workload;

/// <summary>
///     The workload tests load data and run many queries; on a 2-core machine they go faster one after another than
///     competing with each other.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class WorkloadTests
{
    public const string Collection = "Workload";
}
