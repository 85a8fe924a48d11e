using System.Diagnostics;

namespace Appliance.Resilience.Tests.Support;

/// <summary>
/// How long this process went unscheduled: a thread of its own wakes every 5 ms and keeps the longest time it came
/// back late. When two loaded cores (builds and other tests beside this one) or a garbage collection stop the process,
/// every thread stalls alike; a stall of the box's media clock that the witness did not see is the box's own.
/// </summary>
internal sealed class SchedulingWitness : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _longestLate; // Stopwatch ticks

    public SchedulingWitness()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "scheduling-witness" };
        _thread.Start();
    }

    /// <summary>The longest time the witness came back late since the last call, and starts a new reading.</summary>
    public TimeSpan TakeLongestStall() => Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref _longestLate, 0));

    private void Run()
    {
        long intervalTicks = (long)(Interval.TotalSeconds * Stopwatch.Frequency);
        while (!_stopped)
        {
            long before = Stopwatch.GetTimestamp();
            Thread.Sleep(Interval); // the measuring instrument: how late a 5 ms sleep returns
            long late = Stopwatch.GetTimestamp() - before - intervalTicks;
            long longest;
            while (late > (longest = Interlocked.Read(ref _longestLate))
                && Interlocked.CompareExchange(ref _longestLate, late, longest) != longest)
            {
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }
}
