using System.Collections.Concurrent;
using Appliance.LoadTool;
using Appliance.LoadTool.Media;
using Appliance.LoadTool.Signaling;

namespace Appliance.Resilience.Tests.Churn;

/// <summary>
/// Synthetic participants coming and going in loops until <see cref="Stop"/>: each joins the meeting, sends its camera
/// and voice for a moment, then leaves cleanly (every other one) or vanishes (<see cref="SyntheticParticipant.Vanish"/>:
/// the box finds out only when consent expires, and says so on the signaling socket, which is closed then).
/// </summary>
internal sealed class ChurnLoad(Uri box, BoxCertificate certificate, MediaPump pump, Func<int, SyntheticParticipant> create) : IAsyncDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Task> _reaping = new();
    private int _joined;
    private int _vanished;
    private int _cleanLeaves;

    public int Joined => Volatile.Read(ref _joined);
    public int CleanLeaves => Volatile.Read(ref _cleanLeaves);
    /// <summary>Vanished participants the box removed by itself.</summary>
    public int Vanished => Volatile.Read(ref _vanished);

    /// <summary>Vanished participants the box had not removed after <see cref="RemovalTimeout"/>: none should be.</summary>
    public ConcurrentQueue<string> NotRemoved { get; } = new();

    /// <summary>How long the box may take to notice a vanished participant: its consent timeout and a sweep, with room for load.</summary>
    public TimeSpan RemovalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Why joins failed: none should.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>One loop of participants, all drawn as participant <paramref name="number"/>; returns once stopped.</summary>
    public async Task RunAsync(int number, CancellationToken cancellationToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        for (int cycle = 0; !running.IsCancellationRequested; cycle++)
        {
            var participant = create(number);
            try
            {
                await participant.JoinAsync(box, certificate, "meeting", pump, JoinTimeout, running.Token);
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                await participant.DisposeAsync();
                break;
            }
            catch (Exception e)
            {
                Failures.Enqueue($"{participant.Options.Name}, cycle {cycle}: {e.GetType().Name}: {e.Message}");
                await participant.DisposeAsync();
                continue;
            }
            Interlocked.Increment(ref _joined);
            // A stay of a fraction of a second: its camera is decoded and tiled, its voice mixed, its join key frame sent.
            await Task.WhenAny(Task.Delay(Random.Shared.Next(300, 900), running.Token));
            if (cycle % 2 == 0)
            {
                await participant.DisposeAsync();
                Interlocked.Increment(ref _cleanLeaves);
            }
            else
            {
                participant.Vanish();
                _reaping.Enqueue(ReapAsync(participant));
            }
        }
    }

    /// <summary>
    /// Closes a vanished participant's signaling socket once the box has said it removed it (consent expired), as the
    /// dead page's TCP connection would eventually time out; the box must remove it within <see cref="RemovalTimeout"/>.
    /// </summary>
    private async Task ReapAsync(SyntheticParticipant participant)
    {
        try
        {
            await participant.Disconnected.WaitAsync(RemovalTimeout);
            Interlocked.Increment(ref _vanished);
        }
        catch (TimeoutException)
        {
            NotRemoved.Enqueue(participant.ParticipantId ?? participant.Options.Name);
        }
        finally
        {
            await participant.DisposeAsync();
        }
    }

    public void Stop() => _stop.Cancel();

    /// <summary>Waits until every vanished participant has been removed by the box (or given up on) and closed.</summary>
    public Task VanishedGoneAsync() => Task.WhenAll(_reaping);

    public async ValueTask DisposeAsync()
    {
        Stop();
        await VanishedGoneAsync();
        _stop.Dispose();
    }
}
