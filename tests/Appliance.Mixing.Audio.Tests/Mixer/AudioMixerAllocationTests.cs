using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Audio.Speakers;
using Appliance.Mixing.Audio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Mixing.Audio.Tests.Mixer;

/// <summary>The steady state of a room (receive, tick, deliver) allocates nothing.</summary>
public sealed class AudioMixerAllocationTests
{
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

        var time = new FakeTimeProvider();

        // The wiring a room uses: after each tick, every participant's level feeds the speaker detector.
        var detector = new ActiveSpeakerDetector(new ActiveSpeakerOptions(), time, NullLogger<ActiveSpeakerDetector>.Instance);
        long bytesDelivered = 0;
        MixedPacketHandler deliver = (participant, opus) =>
        {
            bytesDelivered += opus.Length;
            detector.Update(participant.Id, participant.Input.Level);
        };

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

            mixer.Tick(deliver);
            detector.Evaluate();
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        for (int i = 0; i < 50; i++)
        {
            OneTick(i);
        }

        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int i = 50; i < 250; i++)
            {
                OneTick(i);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(bytesDelivered > 250 * 4 * 10);
        // a reports -20 dBov; b and c measure about -13.5 dBov, within the margin of each other: one of them leads.
        Assert.Contains(detector.CurrentSpeaker, new[] { "b", "c" });
        Assert.Equal(4, mixer.EncodersInUse);
        Assert.True(c.Input.FramesRecovered + c.Input.FramesConcealed > 20);
    }
}
