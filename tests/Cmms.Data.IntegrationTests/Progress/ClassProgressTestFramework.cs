using System.Reflection;
using Cmms.Data.IntegrationTests.Progress;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Cmms.Data.IntegrationTests.Progress.ClassProgressTestFramework", "Cmms.Data.IntegrationTests")]

namespace Cmms.Data.IntegrationTests.Progress;

/// <summary>
///     xunit's own test framework, with one addition: each finished test class is reported as a diagnostic message
///     (<see cref="ClassProgressSink" />), which <c>dotnet test</c> prints while the run goes on (xunit.runner.json turns
///     diagnostic messages on), so a long integration run shows how far it is.
/// </summary>
public sealed class ClassProgressTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new ClassProgressExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class ClassProgressExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // The signature (async void) is xunit's own: XunitTestFrameworkExecutor.RunTestCases, which this mirrors
        // with the execution sink wrapped.
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases,
            IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            var cases = testCases.ToList();
            var progress = new ClassProgressSink(executionMessageSink, DiagnosticMessageSink, cases.Select(c => c.TestMethod.TestClass.Class.Name).Distinct().Count());
            using var runner = new XunitTestAssemblyRunner(TestAssembly, cases, DiagnosticMessageSink, progress, executionOptions);
            await runner.RunAsync();
        }
    }
}
