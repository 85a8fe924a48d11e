using Appliance.Hwaccel.Audio.Analysis;
using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Mixing.Audio.Inputs;
using Appliance.Mixing.Audio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mixing.Audio.Tests.Inputs;

/// <summary>One participant's input: jitter buffer, real libopus decoding, loss recovery and levels.</summary>
public sealed class AudioParticipantInputTests
{
    private static AudioParticipantInput NewInput(int maxConcealedFrames = 5) =>
        new(new AudioParticipantInputOptions { MaxConcealedFrames = maxConcealedFrames }, NullLoggerFactory.Instance);

    [Fact]
    public void Is_silent_until_the_jitter_buffer_has_filled_then_plays_the_decoded_tone()
    {
        using var input = NewInput();
        using var sender = new ToneSender(440);

        sender.SendTo(input);
        Assert.Equal(AudioFrameOrigin.Silence, input.ProduceFrame());
        Assert.True(input.IsSilent);
        Assert.Equal(AudioLevel.Silence, input.Level);

        var origins = new List<AudioFrameOrigin>();
        for (int i = 0; i < 20; i++)
        {
            sender.SendTo(input);
            origins.Add(input.ProduceFrame());
        }

        Assert.Equal(AudioFrameOrigin.Decoded, origins[^1]);
        Assert.False(input.IsSilent);
        Assert.Equal(960, input.Frame.Length);
        Assert.True(Goertzel.PowerDb(input.Frame, 1, 0, 440) > -16);
    }

    [Fact]
    public void A_lost_packet_is_concealed_and_the_next_recovered_from_fec()
    {
        using var input = NewInput();
        using var sender = new ToneSender(440, inbandFec: true);
        var origins = new List<AudioFrameOrigin>();
        var concealedFrames = new List<short[]>();

        for (int i = 0; i < 40; i++)
        {
            if (i is 20 or 21)
            {
                sender.Lose();
            }
            else
            {
                sender.SendTo(input);
            }

            var origin = input.ProduceFrame();
            origins.Add(origin);
            if (origin is AudioFrameOrigin.Concealed or AudioFrameOrigin.Recovered)
            {
                concealedFrames.Add(input.Frame.ToArray());
            }
        }

        // Packet 20 is due while 21 is lost too: concealment. Packet 21 is due while 22 is held: FEC.
        Assert.Equal(1, input.FramesConcealed);
        Assert.Equal(1, input.FramesRecovered);
        int concealedAt = origins.IndexOf(AudioFrameOrigin.Concealed);
        Assert.Equal(AudioFrameOrigin.Recovered, origins[concealedAt + 1]);
        Assert.Equal(AudioFrameOrigin.Decoded, origins[concealedAt + 2]);
        Assert.All(concealedFrames, frame =>
        {
            Assert.False(SampleMixing.IsDigitalSilence(frame));
            Assert.True(Goertzel.PowerDb(frame, 1, 0, 440) > -25);
        });
    }

    [Fact]
    public void A_stream_that_stops_is_concealed_briefly_then_falls_silent()
    {
        using var input = NewInput(maxConcealedFrames: 5);
        using var sender = new ToneSender(440);
        for (int i = 0; i < 20; i++)
        {
            sender.SendTo(input);
            input.ProduceFrame();
        }

        var origins = new List<AudioFrameOrigin>();
        for (int i = 0; i < 60; i++)
        {
            origins.Add(input.ProduceFrame());
        }

        Assert.Equal(5, origins.Count(o => o == AudioFrameOrigin.Concealed));
        Assert.All(origins.SkipWhile(o => o != AudioFrameOrigin.Concealed).Skip(5), o => Assert.Equal(AudioFrameOrigin.Silence, o));
        Assert.True(SampleMixing.IsDigitalSilence(input.Frame));
        Assert.True(input.IsSilent);

        // The stream comes back: decoded again after the jitter buffer refills.
        for (int i = 0; i < 10; i++)
        {
            sender.SendTo(input);
            input.ProduceFrame();
        }

        Assert.Equal(AudioFrameOrigin.Decoded, input.Origin);
        Assert.False(input.IsSilent);
    }

    [Fact]
    public void Level_is_the_reported_rfc6464_value_when_given_else_measured()
    {
        using var reported = NewInput();
        using var measured = NewInput();
        using var invalid = NewInput();
        using var senderA = new ToneSender(440, amplitude: 0.3);
        using var senderB = new ToneSender(440, amplitude: 0.3);
        using var senderC = new ToneSender(440, amplitude: 0.3);
        for (int i = 0; i < 20; i++)
        {
            senderA.SendTo(reported, audioLevel: 42);
            senderB.SendTo(measured);
            senderC.SendTo(invalid, audioLevel: 200);
            reported.ProduceFrame();
            measured.ProduceFrame();
            invalid.ProduceFrame();
        }

        Assert.Equal(42, reported.Level);

        // A sine of peak 0.3 full scale: RMS 0.3 / √2 ≈ -13.5 dBov (RFC 6465 Appendix A).
        Assert.InRange(measured.Level, 12, 16);
        Assert.InRange(invalid.Level, 12, 16);
    }

    [Fact]
    public void Muted_input_reports_silence_but_keeps_decoding()
    {
        using var input = NewInput();
        using var sender = new ToneSender(440);
        input.IsMuted = true;
        for (int i = 0; i < 20; i++)
        {
            sender.SendTo(input, audioLevel: 10);
            input.ProduceFrame();
        }

        Assert.True(input.IsSilent);
        Assert.Equal(AudioLevel.Silence, input.Level);
        Assert.Equal(AudioFrameOrigin.Decoded, input.Origin);
        Assert.True(input.FramesDecoded > 10);
    }

    [Fact]
    public void Opus_encoded_digital_silence_counts_as_silent()
    {
        using var input = NewInput();
        using var encoder = new OpusEncoder(1, OpusApplication.Voip);
        var zeros = new short[960];
        var packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
        uint timestamp = 0;
        for (int i = 0; i < 20; i++)
        {
            int length = encoder.Encode(zeros, packet);
            input.Receive(packet.AsSpan(0, length), timestamp);
            timestamp += 960;
            input.ProduceFrame();
        }

        Assert.Equal(AudioFrameOrigin.Decoded, input.Origin);
        Assert.True(input.IsSilent);
        Assert.Equal(AudioLevel.Silence, input.Level);
    }

    [Fact]
    public void Empty_and_oversized_payloads_are_dropped_and_counted()
    {
        using var input = NewInput();

        Assert.False(input.Receive([], 1000));
        Assert.False(input.Receive(new byte[1501], 1960));

        Assert.Equal(2, input.PacketsDropped);
        Assert.Equal(AudioFrameOrigin.Silence, input.ProduceFrame());
    }

    [Fact]
    public void Corrupt_packets_are_concealed_not_thrown()
    {
        using var input = NewInput();
        using var sender = new ToneSender(440);
        for (int i = 0; i < 20; i++)
        {
            sender.SendTo(input);
            input.ProduceFrame();
        }

        // TOC code 3 (arbitrary frame count) with a frame count byte of 0: invalid (RFC 6716 section 3.2.5).
        sender.NextPacket(out uint timestamp);
        Assert.True(input.Receive([0xFB, 0x00], timestamp));
        for (int i = 0; i < 5; i++)
        {
            sender.SendTo(input);
            input.ProduceFrame();
        }

        Assert.Equal(1, input.FramesConcealed);
        Assert.Equal(AudioFrameOrigin.Decoded, input.Origin);
    }
}
