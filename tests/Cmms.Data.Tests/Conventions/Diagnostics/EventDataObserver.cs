using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cmms.Data.Tests.Conventions.Diagnostics;

/// <summary>Collects the payloads of one named event from EF Core's <see cref="DiagnosticListener" />.</summary>
internal sealed class EventDataObserver<TEventData>(string eventName)
    : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<TEventData> _received = new();
    private readonly ConcurrentQueue<IDisposable> _subscriptions = new();

    public IReadOnlyList<TEventData> Received => [.. _received];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            _subscriptions.Enqueue(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == eventName && value.Value is TEventData data)
        {
            _received.Enqueue(data);
        }
    }

    /// <summary>Stops listening to every EF Core listener this observer subscribed to.</summary>
    public void Dispose()
    {
        while (_subscriptions.TryDequeue(out var subscription))
        {
            subscription.Dispose();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
