using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Microsoft.Extensions.Options;

namespace Appliance.Conference.Demo;

/// <summary>
/// The demo (<c>--demo N</c>, setting Meeting:DemoParticipants): N synthetic participants join the meeting
/// when the box starts, so one person with one browser sees the grid and hears the mix work. Their pictures
/// are drawn at the output frame rate on a timer of their own and handed to their tiles; their tones are
/// produced by the mixer's own tick through each one's audio source.
/// </summary>
public sealed partial class DemoParticipants(MeetingRoom room, IOptions<MeetingOptions> options, TimeProvider time,
    ILogger<DemoParticipants> logger) : IHostedService, IDisposable
{
    private (DemoParticipant Demo, ParticipantVideoSlot Tile)[] _joined = [];
    private ITimer? _timer;
    private long _frameNumber;
    private int _rendering;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var count = options.Value.DemoParticipants;
        if (count == 0)
            return Task.CompletedTask;
        var joined = new (DemoParticipant, ParticipantVideoSlot)[count];
        for (var i = 0; i < count; i++)
        {
            var demo = new DemoParticipant(i);
            joined[i] = (demo, room.JoinSynthetic(demo.Id, demo.Name, demo.FillAudio));
        }
        _joined = joined;
        var period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / options.Value.FrameRate);
        _timer = time.CreateTimer(_ => RenderFrames(), null, TimeSpan.Zero, period);
        LogStarted(logger, count);
        return Task.CompletedTask;
    }

    private void RenderFrames()
    {
        if (Interlocked.Exchange(ref _rendering, 1) == 1)
            return; // the previous frame is still being drawn on a loaded box
        try
        {
            var number = _frameNumber++;
            foreach (var (demo, tile) in _joined)
            {
                var frame = VideoFramePool.Shared.Rent(VideoPixelFormat.I420, DemoParticipant.Width, DemoParticipant.Height);
                demo.Render(frame, number);
                tile.Submit(frame); // the tile owns it now
            }
        }
        catch (Exception e)
        {
            LogRenderFailed(logger, e);
        }
        finally
        {
            Volatile.Write(ref _rendering, 0);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
        foreach (var (demo, _) in Interlocked.Exchange(ref _joined, []))
            room.LeaveSynthetic(demo.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Count} synthetic participants joined the meeting")]
    private static partial void LogStarted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: drawing a frame failed")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception);
}
