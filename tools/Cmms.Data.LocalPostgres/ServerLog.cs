namespace Cmms.Data.LocalPostgres;

/// <summary>Reads the end of a server log file for error messages.</summary>
internal static class ServerLog
{
    /// <summary>The last <paramref name="lines"/> non-empty lines of the file, or none if it cannot be read.</summary>
    public static IReadOnlyList<string> Tail(string path, int lines)
    {
        try
        {
            if (!File.Exists(path))
            {
                return [];
            }

            // Open with FileShare.ReadWrite: the server keeps appending to it.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            const int MaxBytes = 64 * 1024;
            if (stream.Length > MaxBytes)
            {
                stream.Seek(-MaxBytes, SeekOrigin.End);
            }

            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd()
                .Split('\n')
                .Select(line => line.TrimEnd('\r'))
                .Where(line => line.Length > 0)
                .ToList();
            return all.Skip(Math.Max(0, all.Count - lines)).ToList();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
