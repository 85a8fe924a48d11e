namespace Appliance.Testing.FakeMedia;

/// <summary>
/// One participant's fake camera and microphone: a flat <see cref="Colour"/> (written as
/// <see cref="Yuv"/> into <see cref="VideoPath"/>, a .y4m file) and a sine tone of
/// <see cref="ToneHz"/> (in <see cref="AudioPath"/>, a 48 kHz mono 16-bit .wav file).
/// </summary>
public sealed record FakeParticipantMedia(
    int Index,
    RgbColour Colour,
    YuvColour Yuv,
    int ToneHz,
    string VideoPath,
    string AudioPath)
{
    public const int AudioSampleRate = 48_000;
    public const double ToneAmplitude = 0.5; // -6 dBFS: loud, never clipping

    /// <summary>The colour a browser shows for <see cref="Yuv"/> (the YUV rounding included).</summary>
    public RgbColour ExpectedRgb => Yuv.ToRgb();

    /// <summary>Writes participant <paramref name="index"/>'s files into <paramref name="folder"/>.</summary>
    public static FakeParticipantMedia Write(string folder, int index, Y4mFormat format)
    {
        var colour = ParticipantPalette.Colour(index);
        var yuv = YuvColour.FromRgb(colour);
        var tone = ParticipantPalette.ToneHz(index);
        var video = Path.Combine(folder, $"participant-{index}.y4m");
        var audio = Path.Combine(folder, $"participant-{index}.wav");
        Y4mWriter.WriteFlatWithMovingMarker(video, format, yuv, YuvColour.White);
        WavWriter.WriteSine(audio, AudioSampleRate, format.Seconds, tone, ToneAmplitude);
        return new FakeParticipantMedia(index, colour, yuv, tone, video, audio);
    }
}
