using System.Diagnostics;

namespace Appliance.LoadTool.Media;

/// <summary>
/// One thread that sends every synthetic participant's media on time: each registered action runs at its period
/// (a camera's 33 ms, a microphone's 20 ms) from its own phase, so cameras are not all in step. An action that falls
/// more than a period behind (the machine is overloaded) is not run again to catch up: it continues from now, as a
/// camera that dropped frames would.
/// </summary>
public sealed class MediaPump : IDisposable
{
    private sealed class Entry(Action action, long period, long nextDue)
    {
        public Action Action { get; } = action;
        public long Period { get; } = period;
        public long NextDue { get; set; } = nextDue;
        public bool Removed { get; set; }
    }

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly Thread _thread;
    private volatile bool _stopped;

    public MediaPump()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "synthetic-media-pump", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Actions that ran late by more than a period and were skipped.</summary>
    public long LateSkips { get; private set; }

    /// <summary>Runs <paramref name="action"/> every <paramref name="period"/>, first after <paramref name="phase"/>; dispose the result to stop.</summary>
    public IDisposable Every(TimeSpan period, TimeSpan phase, Action action)
    {
        var entry = new Entry(action, (long)(period.TotalSeconds * Stopwatch.Frequency),
            Stopwatch.GetTimestamp() + (long)(phase.TotalSeconds * Stopwatch.Frequency));
        lock (_gate)
            _entries.Add(entry);
        return new Registration(this, entry);
    }

    private sealed class Registration(MediaPump pump, Entry entry) : IDisposable
    {
        public void Dispose()
        {
            lock (pump._gate)
            {
                entry.Removed = true;
                pump._entries.Remove(entry);
            }
        }
    }

    private void Run()
    {
        var due = new List<Entry>();
        while (!_stopped)
        {
            long now = Stopwatch.GetTimestamp();
            long next = long.MaxValue;
            due.Clear();
            lock (_gate)
            {
                foreach (Entry entry in _entries)
                {
                    if (entry.NextDue <= now)
                    {
                        due.Add(entry);
                        entry.NextDue += entry.Period;
                        if (entry.NextDue <= now)
                        {
                            LateSkips++;
                            entry.NextDue = now + entry.Period;
                        }
                    }
                    next = Math.Min(next, entry.NextDue);
                }
            }
            foreach (Entry entry in due)
            {
                if (entry.Removed)
                    continue;
                try
                {
                    entry.Action();
                }
                catch (Exception e)
                {
                    Trace.TraceError($"a synthetic participant's media action failed: {e}");
                }
            }
            if (due.Count == 0)
            {
                long wait = next == long.MaxValue ? Stopwatch.Frequency / 100 : next - Stopwatch.GetTimestamp();
                if (wait > 0)
                    Thread.Sleep(Math.Clamp((int)(wait * 1000 / Stopwatch.Frequency), 1, 10)); // never a busy wait: the box shares the cores
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }
}
