using Appliance.Hwaccel.Audio.Opus;
using Appliance.Hwaccel.Audio.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>The codecs log through ILogger&lt;T&gt; with structured properties.</summary>
public class OpusLoggingTests
{
    [Fact]
    public void A_dropped_packet_is_logged_with_its_length_and_error()
    {
        var logger = new RecordingLogger<OpusDecoder>();
        using var decoder = new OpusDecoder(1, logger);

        _ = decoder.Decode([0xFB, 0x00, 0x00], new short[960]);

        var entry = Assert.Single(logger.Entries, e => e.Message.Contains("dropped"));
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Equal(3, entry.Properties["Length"]);
        Assert.Equal(OpusError.InvalidPacket, entry.Properties["Error"]);
    }

    [Fact]
    public void Encoder_creation_and_settings_are_logged()
    {
        var logger = new RecordingLogger<OpusEncoder>();
        using var encoder = new OpusEncoder(2, OpusApplication.Audio, logger);

        encoder.Bitrate = 48_000;

        Assert.Contains(logger.Entries, e => e.Properties.TryGetValue("Channels", out var c) && Equals(c, 2)
            && Equals(e.Properties["Application"], OpusApplication.Audio));
        var setting = Assert.Single(logger.Entries, e => e.Properties.ContainsKey("Ctl"));
        Assert.Equal("OPUS_SET_BITRATE", setting.Properties["Ctl"]);
        Assert.Equal(48_000, setting.Properties["Value"]);
    }
}
