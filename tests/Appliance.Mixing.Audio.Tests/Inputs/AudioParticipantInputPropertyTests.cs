using Appliance.Mixing.Audio.Inputs;
using Appliance.Mixing.Audio.Tests.Support;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mixing.Audio.Tests.Inputs;

/// <summary>Hostile input: any bytes at any timestamps never throw, and never poison the input for good.</summary>
public sealed class AudioParticipantInputPropertyTests
{
    private static readonly Gen<int?> Level = Gen.Select(Gen.Bool, Gen.Int[-5, 300], (given, level) => given ? level : (int?)null);

    [Fact]
    public void Arbitrary_payloads_timestamps_and_levels_never_throw()
    {
        var packets = Gen.Select(Gen.Byte.Array[0, 1600], Gen.UInt, Level).Array[1, 40];
        packets.Sample(batch =>
        {
            using var input = new AudioParticipantInput(new AudioParticipantInputOptions(), NullLoggerFactory.Instance);
            foreach (var (payload, timestamp, level) in batch)
            {
                input.Receive(payload, timestamp, level);
                input.ProduceFrame();
                Assert.Equal(960, input.Frame.Length);
                Assert.InRange(input.Level, 0, 127);
            }
        }, iter: 200);
    }

    [Fact]
    public void A_valid_stream_after_garbage_is_decoded_again()
    {
        var garbage = Gen.Byte.Array[1, 400].Array[1, 20];
        garbage.Sample(batch =>
        {
            using var input = new AudioParticipantInput(new AudioParticipantInputOptions(), NullLoggerFactory.Instance);
            using var sender = new ToneSender(440);
            foreach (var payload in batch)
            {
                sender.NextPacket(out uint timestamp);
                input.Receive(payload, timestamp);
                input.ProduceFrame();
            }

            for (int i = 0; i < 10; i++)
            {
                sender.SendTo(input);
                input.ProduceFrame();
            }

            Assert.Equal(AudioFrameOrigin.Decoded, input.Origin);
            Assert.False(input.IsSilent);
        }, iter: 100);
    }
}
