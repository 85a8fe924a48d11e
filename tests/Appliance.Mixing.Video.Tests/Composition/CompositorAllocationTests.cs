using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Layouts;
using Appliance.Mixing.Video.Tests.Support;

namespace Appliance.Mixing.Video.Tests.Composition;

/// <summary>A steady meeting composes without allocating: frames come from the pool, layouts are cached.</summary>
public class CompositorAllocationTests
{
    [Theory]
    [InlineData(LayoutKind.Grid)]
    [InlineData(LayoutKind.ActiveSpeaker)]
    [InlineData(LayoutKind.Presenter)]
    public void ComposingASteadyMeetingAllocatesNothing(LayoutKind layout)
    {
        var pool = new VideoFramePool();
        using Compositor compositor = Compositors.Create(pool, new CompositorOptions { Layout = layout });
        var slots = new List<ParticipantVideoSlot>();
        for (int i = 0; i < 6; i++)
        {
            slots.Add(compositor.AddParticipant($"p{i}", $"Participant {i}"));
        }
        ParticipantVideoSlot screen = compositor.AddParticipant("screen", "Slides", AspectMode.Letterbox);
        compositor.FocusId = "screen";
        // Cameras of two shapes (cropped), a 4:3 screen (letterboxed), one participant without video (placeholder).
        void Tick(int n)
        {
            for (int i = 0; i < 5; i++)
            {
                slots[i].Submit(Frames.Solid(pool, i % 2 == 0 ? 640 : 480, 360, Frames.Red));
            }
            screen.Submit(Frames.Solid(pool, 1024, 768, Frames.Blue));
            compositor.Compose(n * 3000).Dispose();
        }
        for (int n = 0; n < 3; n++)
        {
            Tick(n); // warm-up: pools fill, scalers open their contexts
        }
        long framesBefore = pool.AllocatedCount;
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int n = 3; n < 13; n++)
            {
                Tick(n);
            }
        });
        Assert.Equal(0, allocated);
        Assert.Equal(framesBefore, pool.AllocatedCount);
    }
}
