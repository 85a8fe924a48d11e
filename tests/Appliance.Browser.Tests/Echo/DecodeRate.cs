namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// Frames per second between two readings of the stats, by the reports' own timestamps:
/// how fast the browser decoded what the box sent back, and how fast it sent its camera.
/// </summary>
public readonly record struct DecodeRate(EchoStats From, EchoStats To)
{
    public double Seconds => (To.TimestampMs - From.TimestampMs) / 1000;

    public double DecodedPerSecond => (To.FramesDecoded - From.FramesDecoded) / Seconds;

    public double EncodedPerSecond => (To.FramesEncoded - From.FramesEncoded) / Seconds;

    /// <summary>Frames decoded back per frame sent: the share of the browser's frames the box returned.</summary>
    public double ReturnedShare => (double)(To.FramesDecoded - From.FramesDecoded) / Math.Max(1, To.FramesEncoded - From.FramesEncoded);

    public override string ToString() =>
        $"{DecodedPerSecond:F1} fps decoded, {EncodedPerSecond:F1} fps sent ({ReturnedShare:P0} returned) over {Seconds:F1} s";
}
