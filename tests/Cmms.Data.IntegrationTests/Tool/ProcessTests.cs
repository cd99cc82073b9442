namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>
///     Tests that run cmms-db as child processes and depend on timing (a kill during an index build, eight migrators at
///     once): they run alone, after the parallel tests, so that the machine's two cores are theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "cmms-db processes";
}
