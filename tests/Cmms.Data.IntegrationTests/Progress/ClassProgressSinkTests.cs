using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cmms.Data.IntegrationTests.Progress;

public sealed class ClassProgressSinkTests
{
    [Fact]
    public void Each_finished_class_becomes_one_diagnostic_line_with_its_counts_and_every_message_is_passed_on()
    {
        var inner = new CollectingSink();
        var diagnostics = new CollectingSink();
        var sink = new ClassProgressSink(inner, diagnostics, classCount: 7);
        var assembly = new TestAssembly(Reflector.Wrap(typeof(ClassProgressSinkTests).Assembly));
        var collection = new TestCollection(assembly, null, "collection");
        var first = new TestClassFinished([], new TestClass(collection, Reflector.Wrap(typeof(ClassProgressSinkTests))), 41.25m, 9, 2, 1);
        var second = new TestClassFinished([], new TestClass(collection, Reflector.Wrap(typeof(string))), 0.04m, 3, 0, 0);
        var other = new DiagnosticMessage("not a class");

        sink.OnMessage(first);
        sink.OnMessage(other);
        sink.OnMessage(second);

        inner.Messages.Should().Equal(first, other, second);
        diagnostics.Messages.Cast<IDiagnosticMessage>().Select(m => m.Message).Should().Equal(
            "[1/7] Progress.ClassProgressSinkTests: 6 passed, 2 failed in 41.3 s",
            "[2/7] System.String: 3 passed, 0 failed in 0.0 s");
    }

    private sealed class CollectingSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public List<IMessageSinkMessage> Messages { get; } = [];

        public bool OnMessage(IMessageSinkMessage message)
        {
            Messages.Add(message);
            return true;
        }
    }
}
