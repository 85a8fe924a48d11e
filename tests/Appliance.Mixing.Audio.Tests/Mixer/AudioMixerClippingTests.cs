using Appliance.Mixing.Audio.Tests.Support;

namespace Appliance.Mixing.Audio.Tests.Mixer;

/// <summary>Two loud voices add up past 16 bits: the mix saturates instead of wrapping around.</summary>
public sealed class AudioMixerClippingTests
{
    [Fact]
    public void Two_full_scale_inputs_saturate_and_do_not_wrap()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", 440, amplitude: 1.0);
        room.AddSpeaker("b", 440, amplitude: 1.0);
        room.AddListener("listener");
        int clipped = 0;

        for (int tick = 0; tick < 20; tick++)
        {
            room.Run(1);
            var a = room["a"].Input.Frame;
            var b = room["b"].Input.Frame;
            var mix = room["listener"].LastMix;
            for (int i = 0; i < mix.Length; i++)
            {
                int sum = a[i] + b[i];
                Assert.Equal(Math.Clamp(sum, short.MinValue, short.MaxValue), mix[i]);
                if (sum > short.MaxValue || sum < short.MinValue)
                {
                    clipped++;
                }
            }
        }

        // The in-phase tones really did exceed full scale, often.
        Assert.True(clipped > 1000, $"only {clipped} samples exceeded full scale");
        Assert.True(room.Heard("listener").PowerDb(440) > -6);
    }

    [Fact]
    public void Mix_minus_of_a_loud_room_saturates_per_participant()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", 440, amplitude: 1.0);
        room.AddSpeaker("b", 440, amplitude: 1.0);
        room.AddSpeaker("c", 440, amplitude: 1.0);
        room.Run(20);

        var a = room["a"].Input.Frame;
        var b = room["b"].Input.Frame;
        var c = room["c"].Input.Frame;
        var mixOfA = room["a"].LastMix;
        for (int i = 0; i < mixOfA.Length; i++)
        {
            Assert.Equal(Math.Clamp(b[i] + c[i], short.MinValue, short.MaxValue), mixOfA[i]);
        }
    }
}
