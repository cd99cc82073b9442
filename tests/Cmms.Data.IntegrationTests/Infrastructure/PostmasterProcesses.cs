namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>Finds running PostgreSQL server processes by data directory, from <c>/proc</c>.</summary>
public static class PostmasterProcesses
{
    /// <summary>
    /// The ids of processes whose command line contains <c>-D DATADIR</c> for <paramref name="dataDirectory"/>
    /// (the postmaster; its children rename themselves and do not match).
    /// </summary>
    public static IReadOnlyList<int> For(string dataDirectory)
    {
        var result = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }

            string[] arguments;
            try
            {
                arguments = File.ReadAllText(Path.Combine(entry, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue; // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            for (var i = 0; i + 1 < arguments.Length; i++)
            {
                if (arguments[i] == "-D" && arguments[i + 1].TrimEnd('/') == dataDirectory.TrimEnd('/'))
                {
                    result.Add(pid);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Whether a process with this id exists (and is not a zombie).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var status = File.ReadAllText($"/proc/{pid}/status");
            return !status.Contains("State:\tZ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; returns its last value.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }
}
