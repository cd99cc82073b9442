using System.Diagnostics;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// An exclusive lock on a cluster's <c>cluster.lock</c>, so that two processes creating or starting
/// the same cluster at the same instant take turns instead of running two <c>initdb</c>s on one
/// data directory. The file is opened with <see cref="FileShare.None"/>, which .NET implements on
/// Unix as <c>flock(LOCK_EX | LOCK_NB)</c>; the kernel releases the lock when the process ends, even
/// by SIGKILL, so a crashed holder never leaves it behind.
/// </summary>
internal sealed class ClusterLock : IDisposable
{
    /// <summary>Longer than the slowest holder: initdb (3 min at most) followed by a start (90 s at most).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // flock reports a lock held elsewhere as EWOULDBLOCK (11 on Linux), which .NET puts in HResult;
    // on Windows the same condition is ERROR_SHARING_VIOLATION.
    private const int LinuxWouldBlock = 11;
    private const int WindowsSharingViolation = unchecked((int)0x80070020);

    private readonly FileStream _file;

    private ClusterLock(FileStream file) => _file = file;

    /// <summary>Creates the cluster's private root directory if needed, then waits for and takes its lock.</summary>
    /// <exception cref="LocalPostgresException">Another process held the lock for longer than <paramref name="wait"/>.</exception>
    public static async Task<ClusterLock> AcquireAsync(ClusterLayout layout, TimeSpan wait, CancellationToken cancellationToken)
    {
        layout.CreatePrivateRootDirectory();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new ClusterLock(new FileStream(layout.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (e.HResult is LinuxWouldBlock or WindowsSharingViolation)
            {
                if (waited.Elapsed >= wait)
                {
                    throw new LocalPostgresException(
                        $"Another process has been creating, starting or stopping the cluster in '{layout.RootDirectory}' for over "
                        + $"{wait.TotalMinutes:0} minutes (it holds {layout.LockFile}): wait for it to finish or end it, then try again.");
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();
}
