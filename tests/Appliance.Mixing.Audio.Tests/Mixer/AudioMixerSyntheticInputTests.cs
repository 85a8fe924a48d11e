using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Mixing.Audio.Tests.Support;

namespace Appliance.Mixing.Audio.Tests.Mixer;

/// <summary>
/// A participant inside the box (the demo's): its samples come from an <see cref="Inputs.AudioFrameSource"/>
/// straight into the mix, with no Opus round trip, and, since nobody listens to it, no mix is encoded for it.
/// </summary>
public sealed class AudioMixerSyntheticInputTests
{
    [Fact]
    public void A_synthetic_voice_is_heard_by_everyone_and_costs_no_encoder_of_its_own()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", 440);
        room.AddListener("b");
        var tone = new ToneGenerator(1031, 0.1);
        var demo = room.AddListener("demo");
        demo.Input.Source = frame => tone.Fill(frame);
        demo.Listens = false;

        room.Run(50);

        foreach (var listener in new[] { "a", "b" })
        {
            var heard = room.Heard(listener);
            Assert.True(heard.PowerDb(1031) > heard.PowerDb(700) + 20, $"{listener} hears the synthetic tone: {heard.PowerDb(1031):F1} dB");
        }
        Assert.Equal(0, room.Heard("demo").Packets); // nothing is delivered to it
        Assert.False(demo.Input.IsSilent);
        Assert.True(demo.LastPacket.IsEmpty, "no mix is encoded for a participant who does not listen");
        Assert.Equal(2, room.Mixer.EncodersInUse); // a's mix-minus, and the shared mix b hears
    }
}
