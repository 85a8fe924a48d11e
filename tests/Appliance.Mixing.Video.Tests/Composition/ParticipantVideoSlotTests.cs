using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Tests.Support;

namespace Appliance.Mixing.Video.Tests.Composition;

/// <summary>A slot owns at most one frame and gives every replaced frame back to its pool.</summary>
public class ParticipantVideoSlotTests
{
    private readonly VideoFramePool _pool = new();

    [Fact]
    public void SubmittingReturnsThePreviousFrameToItsPool()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot slot = compositor.AddParticipant("a", "Alice");
        VideoFrame first = Frames.Solid(_pool, 64, 36, Frames.Red);
        slot.Submit(first);
        VideoFrame second = Frames.Solid(_pool, 64, 36, Frames.Blue);
        slot.Submit(second);
        Assert.Throws<ObjectDisposedException>(() => first.Y.Length); // back in the pool
        Assert.Equal(2, slot.FramesSubmitted);
        Assert.True(slot.HasFrame);
        Assert.Same(first, _pool.Rent(VideoPixelFormat.I420, 64, 36)); // and rented out again
    }

    [Fact]
    public void RemovingTheParticipantReturnsItsFrame()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot slot = compositor.AddParticipant("a", "Alice");
        VideoFrame frame = Frames.Solid(_pool, 64, 36, Frames.Red);
        slot.Submit(frame);
        Assert.True(compositor.RemoveParticipant("a"));
        Assert.Throws<ObjectDisposedException>(() => frame.Y.Length);
        Assert.False(compositor.RemoveParticipant("a"));
    }

    [Fact]
    public void AFrameSubmittedAfterRemovalGoesStraightBack()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot slot = compositor.AddParticipant("a", "Alice");
        compositor.RemoveParticipant("a");
        VideoFrame late = Frames.Solid(_pool, 64, 36, Frames.Red);
        slot.Submit(late); // a decoder still running when its participant left
        Assert.Throws<ObjectDisposedException>(() => late.Y.Length);
        Assert.False(slot.HasFrame);
    }

    [Fact]
    public void ClearFrameDropsThePicture()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot slot = compositor.AddParticipant("a", "Alice");
        VideoFrame frame = Frames.Solid(_pool, 64, 36, Frames.Red);
        slot.Submit(frame);
        slot.ClearFrame();
        Assert.False(slot.HasFrame);
        Assert.Throws<ObjectDisposedException>(() => frame.Y.Length);
    }

    [Fact]
    public void ADuplicateIdIsRefused()
    {
        using Compositor compositor = Compositors.Create(_pool);
        compositor.AddParticipant("a", "Alice");
        Assert.Throws<ArgumentException>(() => compositor.AddParticipant("a", "Alice again"));
        Assert.Equal(1, compositor.TileCount);
    }
}
