using System.Globalization;
using Cmms.Data.Analysis.Sql;
using Cmms.Data.Conventions.Migrations.Engine;
using Cmms.Data.Tool.CommandLine;

namespace Cmms.Data.Tool.Migrations;

/// <summary>
///     Renders what the migration engine reports on standard error: permanent lines, and one live status line for
///     index builds that is redrawn in place on a terminal and written as a plain line now and then otherwise (logs of
///     pipelines). Reports arrive synchronously, in order, from the engine's threads. A migration that runs silently
///     (a transactional one, whose statements no other session can watch) gets a "still applying" line every
///     <see cref="DefaultHeartbeat" />, so a redirected log never sits unchanged for minutes.
/// </summary>
internal sealed class ProgressWriter : IProgress<MigrationProgress>, IDisposable
{
    /// <summary>How long a migration may run without a line before the writer says it still runs.</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Without a terminal, an unchanged status is repeated at most this often.</summary>
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private const int DefaultWidth = 120;

    private readonly Lock _gate = new();
    private readonly ToolConsole _console;
    private readonly TimeSpan _heartbeat;
    private readonly Timer _timer;
    private int _liveLength;
    private string? _lastKey;
    private DateTime _lastPlainLine = DateTime.MinValue;
    private DateTime _lastWritten = DateTime.UtcNow;
    private (string Text, DateTime Since)? _step;

    public ProgressWriter(ToolConsole console)
        : this(console, DefaultHeartbeat)
    {
    }

    /// <summary>A writer whose silent-step line comes after <paramref name="heartbeat" /> (tests use a short one).</summary>
    public ProgressWriter(ToolConsole console, TimeSpan heartbeat)
    {
        _console = console;
        _heartbeat = heartbeat;
        _timer = new Timer(_ => Beat(), null, heartbeat, heartbeat);
    }

    /// <summary>The migrations the run applied or reverted, in order, once each.</summary>
    public List<(string Id, bool IsRevert)> Started { get; } = [];

    public void Report(MigrationProgress value)
    {
        // Messages carry names from the database (indexes, tables, a blocking session's application_name): hostile
        // until escaped for the terminal, so no newline or escape sequence in a name reaches it.
        var message = UnprintableText.Escape(value.Message);
        switch (value.Kind)
        {
            case MigrationProgressKind.Applying or MigrationProgressKind.Reverting:
                var step = (message, value.Kind == MigrationProgressKind.Reverting);
                lock (_gate)
                {
                    if (Started.Contains(step))
                    {
                        return;
                    }

                    Started.Add(step);
                }

                Line($"{(step.Item2 ? "Reverting" : "Applying")} {message}");
                lock (_gate)
                {
                    _step = ($"{(step.Item2 ? "reverting" : "applying")} {message}", DateTime.UtcNow);
                }

                break;
            case MigrationProgressKind.IndexBuild when value.IndexBuild is { } build:
                Live(build.Index + "|" + build.Phase, "  " + message);
                break;
            case MigrationProgressKind.IndexBuildEnded:
                EndLive();
                break;
            default:
                Line(message);
                break;
        }
    }

    /// <summary>Writes a line that stays (after clearing the live line, if any).</summary>
    public void Line(string text)
    {
        lock (_gate)
        {
            ClearLive();
            _console.Error.WriteLine(text);
            _lastWritten = DateTime.UtcNow;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _step = null;
            ClearLive();
        }
    }

    private void Beat()
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (_step is { } step && now - _lastWritten >= _heartbeat)
            {
                Live("still|" + step.Text, string.Create(CultureInfo.InvariantCulture, $"  still {step.Text}, {(now - step.Since).TotalSeconds:0}s"));
                _lastKey = null;
            }
        }
    }

    private void Live(string key, string text)
    {
        lock (_gate)
        {
            if (_console.IsTerminal)
            {
                var width = Math.Max(20, TerminalWidth() - 1);
                var shown = text.Length > width ? text[..(width - 1)] + "…" : text;
                _console.Error.Write("\r" + shown.PadRight(_liveLength));
                _console.Error.Flush();
                _liveLength = shown.Length;
                _lastWritten = DateTime.UtcNow;
                return;
            }

            var now = DateTime.UtcNow;
            if (key != _lastKey || now - _lastPlainLine >= PlainInterval)
            {
                _console.Error.WriteLine(text);
                _lastKey = key;
                _lastPlainLine = now;
                _lastWritten = now;
            }
        }
    }

    private void EndLive()
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
            _console.Error.Write("\r" + new string(' ', _liveLength) + "\r");
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
