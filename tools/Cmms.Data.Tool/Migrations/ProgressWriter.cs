using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     Writes what a long command is doing to standard error: permanent lines, and one live status line that is
///     redrawn in place on a terminal and written as a plain line now and then otherwise (logs of pipelines).
/// </summary>
internal sealed class ProgressWriter(ToolConsole console)
{
    /// <summary>Without a terminal, an unchanged status is repeated at most this often.</summary>
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private const int DefaultWidth = 120;

    private readonly Lock _gate = new();
    private int _liveLength;
    private string? _lastKey;
    private DateTime _lastPlainLine = DateTime.MinValue;

    /// <summary>Writes a line that stays (after clearing the live line, if any).</summary>
    public void Line(string text)
    {
        lock (_gate)
        {
            ClearLive();
            console.Error.WriteLine(text);
        }
    }

    /// <summary>
    ///     Shows the current status: redrawn in place on a terminal; otherwise written as a line when
    ///     <paramref name="key" /> (what the status is about) changes, or after <see cref="PlainInterval" />.
    /// </summary>
    public void Live(string key, string text)
    {
        lock (_gate)
        {
            if (console.IsTerminal)
            {
                var width = Math.Max(20, TerminalWidth() - 1);
                var shown = text.Length > width ? text[..(width - 1)] + "…" : text;
                console.Error.Write("\r" + shown.PadRight(_liveLength));
                console.Error.Flush();
                _liveLength = shown.Length;
                return;
            }

            var now = DateTime.UtcNow;
            if (key != _lastKey || now - _lastPlainLine >= PlainInterval)
            {
                console.Error.WriteLine(text);
                _lastKey = key;
                _lastPlainLine = now;
            }
        }
    }

    /// <summary>Removes the live line (on a terminal) and forgets the last status.</summary>
    public void EndLive()
    {
        lock (_gate)
        {
            ClearLive();
            _lastKey = null;
        }
    }

    private void ClearLive()
    {
        if (_liveLength > 0)
        {
            console.Error.Write("\r" + new string(' ', _liveLength) + "\r");
            _liveLength = 0;
        }
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : DefaultWidth;
        }
        catch (IOException)
        {
            return DefaultWidth;
        }
    }
}
