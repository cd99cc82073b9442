namespace Cmms.Data.Bench.Benchmarks;

/// <summary>One lock wait of a writer session: the kind of lock (<c>relation</c>, <c>transactionid</c> …) and the longest time it was seen waiting.</summary>
internal sealed record LockWait(string LockType, double Milliseconds);
