using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Audio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mixing.Audio.Tests.Mixer;

/// <summary>The steady state of a room (receive, tick, deliver) allocates nothing.</summary>
public sealed class AudioMixerAllocationTests
{
    private static readonly MixedPacketHandler Deliver = static (_, opus) => Assert.False(opus.IsEmpty);

    [Fact]
    public void Ticks_allocate_nothing_after_warm_up()
    {
        using var mixer = new AudioMixer(new AudioMixerOptions(), NullLoggerFactory.Instance);
        using var toneA = new ToneSender(440);
        using var toneB = new ToneSender(660);
        using var toneC = new ToneSender(880, inbandFec: true);
        var a = mixer.Join("a");
        var b = mixer.Join("b");
        var c = mixer.Join("c");
        mixer.Join("listener");

        void OneTick(int tick)
        {
            toneA.SendTo(a.Input, audioLevel: 20);
            toneB.SendTo(b.Input);
            if (tick % 7 == 0)
            {
                toneC.Lose();   // exercises FEC recovery and concealment too
            }
            else
            {
                toneC.SendTo(c.Input);
            }

            mixer.Tick(Deliver);
        }

        for (int i = 0; i < 50; i++)
        {
            OneTick(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 50; i < 250; i++)
        {
            OneTick(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(4, mixer.EncodersInUse);
        Assert.True(c.Input.FramesRecovered + c.Input.FramesConcealed > 20);
    }
}
