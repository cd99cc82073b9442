using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cmms.Data.Tests.Conventions.Diagnostics;

/// <summary>Collects the payloads of one named event from EF Core's <see cref="DiagnosticListener" />.</summary>
internal sealed class EventDataObserver<TEventData>(string eventName)
    : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentQueue<TEventData> _received = new();

    public IReadOnlyList<TEventData> Received => [.. _received];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == eventName && value.Value is TEventData data)
        {
            _received.Enqueue(data);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
