using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Native;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Appliance.Hwaccel.Tests.Providers;

/// <summary>
/// The hardware paths cannot run here, but their AVOptions can be checked: Debian's FFmpeg carries
/// h264_nvenc, h264_vaapi, h264_v4l2m2m and the cuvid decoders, so every option name and value each
/// provider would pass is validated against this FFmpeg's option tables (without opening the codec).
/// </summary>
public sealed class RecipeOptionTests(ITestOutputHelper output)
{
    private static IEnumerable<FfmpegProvider> Providers() =>
        VideoCodecFactory.StandardProviders(new HwaccelOptions(), NullLoggerFactory.Instance).OfType<FfmpegProvider>();

    public static IEnumerable<object[]> EncoderRecipes() =>
        Providers().SelectMany(p => p.Encoders.Select(r => new object[] { p.Name, r.FfmpegName }));

    public static IEnumerable<object[]> DecoderRecipes() =>
        Providers().SelectMany(p => p.Decoders.Select(r => new object[] { p.Name, r.FfmpegName }));

    [Theory]
    [MemberData(nameof(EncoderRecipes))]
    public void EncoderOptionsAreAcceptedByThisFfmpeg(string provider, string ffmpegName)
    {
        FfmpegEncoderRecipe recipe = Providers().Single(p => p.Name == provider).Encoders.Single(r => r.FfmpegName == ffmpegName);
        if (!ShimInfo.CodecExists(ffmpegName, encoder: true))
        {
            output.WriteLine($"{ffmpegName} is not in this FFmpeg build ({ShimInfo.FfmpegVersion}); nothing to check");
            return;
        }
        foreach (var (width, height, fps) in new[] { (640, 360, 30), (1280, 720, 30), (1920, 1080, 30) })
        {
            string options = recipe.Options(new EncoderSettings(recipe.Codec, width, height, fps, 2_000_000));
            Assert.Null(ShimInfo.CheckOptions(ffmpegName, encoder: true, options));
        }
    }

    [Theory]
    [MemberData(nameof(DecoderRecipes))]
    public void DecoderOptionsAreAcceptedByThisFfmpeg(string provider, string ffmpegName)
    {
        FfmpegDecoderRecipe recipe = Providers().Single(p => p.Name == provider).Decoders.Single(r => r.FfmpegName == ffmpegName);
        if (!ShimInfo.CodecExists(ffmpegName, encoder: false))
        {
            output.WriteLine($"{ffmpegName} is not in this FFmpeg build; nothing to check");
            return;
        }
        Assert.Null(ShimInfo.CheckOptions(ffmpegName, encoder: false, recipe.Options));
    }

    [Theory]
    [InlineData("libx264", "no-such-option=1", "no-such-option")]
    [InlineData("h264_v4l2m2m", "num_capture_buffers=2", "num_capture_buffers=2")] // below the encoder's minimum of 4
    [InlineData("libvpx", "deadline=sometime", "deadline=sometime")]
    public void BadOptionsAreNamed(string ffmpegName, string options, string expected)
    {
        string? problem = ShimInfo.CheckOptions(ffmpegName, encoder: true, options);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void UnknownCodecIsReported()
    {
        Assert.Contains("not in this FFmpeg build", ShimInfo.CheckOptions("h265_imaginary", encoder: true, ""));
    }
}
