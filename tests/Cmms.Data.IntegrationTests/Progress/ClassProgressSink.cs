using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cmms.Data.IntegrationTests.Progress;

/// <summary>
///     Passes every execution message on, and for each finished test class also sends one line to the diagnostic sink:
///     <c>[37/41] Tool.EmbeddedCommandTests: 2 passed, 0 failed in 28.3 s</c> (the runner adds the time since the start).
/// </summary>
internal sealed class ClassProgressSink(IMessageSink inner, IMessageSink diagnostics, int classCount) : LongLivedMarshalByRefObject, IMessageSink
{
    private const string RootNamespace = "Cmms.Data.IntegrationTests.";
    private int _finished;

    public bool OnMessage(IMessageSinkMessage message)
    {
        if (message is ITestClassFinished finished)
        {
            var done = Interlocked.Increment(ref _finished);
            var name = finished.TestClass.Class.Name;
            var passed = finished.TestsRun - finished.TestsFailed - finished.TestsSkipped;
            diagnostics.OnMessage(new DiagnosticMessage(string.Create(
                CultureInfo.InvariantCulture,
                $"[{done}/{classCount}] {(name.StartsWith(RootNamespace, StringComparison.Ordinal) ? name[RootNamespace.Length..] : name)}: "
                + $"{passed} passed, {finished.TestsFailed} failed in {finished.ExecutionTime:0.0} s")));
        }

        return inner.OnMessage(message);
    }
}
