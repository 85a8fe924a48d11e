using Appliance.Hwaccel.Audio.Analysis;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Mixing.Audio.Inputs;
using Appliance.Mixing.Audio.Tests.Support;

namespace Appliance.Mixing.Audio.Tests.Mixer;

/// <summary>
/// Mix-minus through real libopus: three participants play distinct tones; each browser's decoded
/// audio must carry the other two tones and not its own.
/// </summary>
public sealed class AudioMixerMixMinusTests
{
    private const double A = 440, B = 660, C = 880;

    [Fact]
    public void Each_participant_hears_the_other_two_tones_and_not_their_own()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", A);
        room.AddSpeaker("b", B);
        room.AddSpeaker("c", C);

        room.Run(50);

        AssertHears(room.Heard("a"), heard: [B, C], notHeard: [A]);
        AssertHears(room.Heard("b"), heard: [A, C], notHeard: [B]);
        AssertHears(room.Heard("c"), heard: [A, B], notHeard: [C]);
        Assert.Equal(3, room.Mixer.EncodersInUse);

        // Before encoding, a's mix is exactly b's frame plus c's frame (total − own), sample for sample.
        var mixOfA = room["a"].LastMix;
        var fromB = room["b"].Input.Frame;
        var fromC = room["c"].Input.Frame;
        for (int i = 0; i < mixOfA.Length; i++)
        {
            Assert.Equal(fromB[i] + fromC[i], mixOfA[i]);
        }
        Assert.All(["a", "b", "c"], id => Assert.False(room[id].SharesMixEncoder));
    }

    [Fact]
    public void Silent_participants_hear_everyone_through_one_shared_encoding()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", A);
        room.AddSpeaker("b", B);
        room.AddSpeaker("c", C);
        room.AddListener("listener1");
        room.AddListener("listener2");

        room.Run(50);

        AssertHears(room.Heard("listener1"), heard: [A, B, C], notHeard: []);
        AssertHears(room.Heard("listener2"), heard: [A, B, C], notHeard: []);
        Assert.True(room["listener1"].SharesMixEncoder);
        Assert.True(room["listener2"].SharesMixEncoder);

        // One encode for both listeners: the very same packet, plus one per speaker.
        Assert.True(room["listener1"].LastPacket.SequenceEqual(room["listener2"].LastPacket));
        Assert.True(room["listener1"].LastPacket.Overlaps(room["listener2"].LastPacket));
        Assert.Equal(4, room.Mixer.EncodersInUse);
        Assert.Equal(4, room.Mixer.EncoderCount);
    }

    [Fact]
    public void A_participant_sending_opus_encoded_silence_shares_the_encoder()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", A);
        room.AddSpeaker("b", B);
        var quiet = room.AddListener("quiet");
        using var encoder = new OpusEncoder(1, OpusApplication.Voip);
        var zeros = new short[960];
        var packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
        uint timestamp = 0;

        for (int i = 0; i < 40; i++)
        {
            int length = encoder.Encode(zeros, packet);
            Assert.True(quiet.Input.Receive(packet.AsSpan(0, length), timestamp));
            timestamp += 960;
            room.Run(1);
        }

        Assert.Equal(AudioFrameOrigin.Decoded, quiet.Input.Origin);
        Assert.True(quiet.SharesMixEncoder);
        Assert.Equal(3, room.Mixer.EncodersInUse);
        AssertHears(room.Heard("quiet"), heard: [A, B], notHeard: []);
    }

    [Fact]
    public void A_lost_packet_is_concealed_in_the_others_mix()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", A);
        room.AddSpeaker("b", B);
        room.Run(30);

        room.LoseNextPacket("a");
        room.Run(1);
        room.LoseNextPacket("a");
        bool concealedTickSeen = false;
        for (int i = 0; i < 10; i++)
        {
            room.Run(1);
            if (room["a"].Input.Origin == AudioFrameOrigin.Concealed)
            {
                concealedTickSeen = true;

                // b hears a's concealed frame: a continuation of the tone, not a gap.
                Assert.False(room["b"].SharesMixEncoder);
                Assert.True(room["b"].LastMix.SequenceEqual(room["a"].Input.Frame));
                Assert.True(Goertzel.PowerDb(room["b"].LastMix, 1, 0, A) > -25);
            }
        }

        Assert.True(concealedTickSeen);
        Assert.Equal(1, room["a"].Input.FramesConcealed);
    }

    [Fact]
    public void Muted_participant_is_not_heard_but_hears_the_others_through_the_shared_encoder()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", A);
        room.AddSpeaker("b", B);
        room.AddSpeaker("c", C);
        room.Run(20);

        room["a"].Input.IsMuted = true;
        room.Run(30);

        AssertHears(room.Heard("b"), heard: [C], notHeard: [A, B]);
        AssertHears(room.Heard("c"), heard: [B], notHeard: [A, C]);
        AssertHears(room.Heard("a"), heard: [B, C], notHeard: [A]);
        Assert.True(room["a"].SharesMixEncoder);
        Assert.Equal(127, room["a"].Input.Level);
        Assert.Equal(3, room.Mixer.EncodersInUse);

        room["a"].Input.IsMuted = false;
        room.Run(30);

        AssertHears(room.Heard("b"), heard: [A, C], notHeard: [B]);
        Assert.False(room["a"].SharesMixEncoder);
    }

    [Fact]
    public void Participants_join_and_leave_between_ticks()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", A);
        room.AddSpeaker("b", B);
        room.AddSpeaker("c", C);
        room.Run(30);
        Assert.Equal(4, room.Mixer.EncoderCount);

        room.Remove("c");
        room.Run(30);

        AssertHears(room.Heard("a"), heard: [B], notHeard: [A, C]);
        AssertHears(room.Heard("b"), heard: [A], notHeard: [B, C]);
        Assert.Equal(2, room.Mixer.Count);
        Assert.Equal(3, room.Mixer.EncoderCount);
        Assert.False(room.Mixer.Leave("c"));

        const double D = 1100;
        room.AddSpeaker("d", D);
        room.Run(30);

        AssertHears(room.Heard("a"), heard: [B, D], notHeard: [A]);
        AssertHears(room.Heard("d"), heard: [A, B], notHeard: [D]);
        Assert.Equal(3, room.Mixer.Count);
    }

    [Fact]
    public void Joining_twice_with_one_id_is_refused()
    {
        using var room = new MixRoom();
        room.AddListener("a");

        Assert.Throws<InvalidOperationException>(() => room.Mixer.Join("a"));
        Assert.Equal(1, room.Mixer.Count);
    }

    [Fact]
    public void A_participant_whose_stream_stops_falls_back_to_the_shared_encoder()
    {
        using var room = new MixRoom();
        room.AddSpeaker("a", A);
        room.AddSpeaker("b", B);
        room.Run(30);
        Assert.False(room["b"].SharesMixEncoder);

        room.StopSending("b");
        room.Run(30);

        Assert.True(room["b"].SharesMixEncoder);
        Assert.Equal(2, room.Mixer.EncodersInUse);
        AssertHears(room.Heard("b"), heard: [A], notHeard: [B]);
        AssertHears(room.Heard("a"), heard: [], notHeard: [A, B]);
    }

    private static void AssertHears(DecodedStream stream, double[] heard, double[] notHeard)
    {
        // A 0.3 full-scale tone scores about -10 dB. Coding at 32 kbit/s leaves a little noise (and
        // intermodulation: 2 × 660 − 880 = 440) in every bin, so "not heard" means far below what is heard.
        double weakestHeard = -10;
        foreach (double frequency in heard)
        {
            double power = stream.PowerDb(frequency);
            Assert.True(power > -16, $"{frequency} Hz should be heard: {power:F1} dB");
            weakestHeard = Math.Min(weakestHeard, power);
        }

        foreach (double frequency in notHeard)
        {
            double power = stream.PowerDb(frequency);
            Assert.True(power < weakestHeard - 25, $"{frequency} Hz should not be heard: {power:F1} dB against {weakestHeard:F1} dB");
        }
    }
}
