using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel.Native;

/// <summary>What the loaded C shim and FFmpeg libraries are, and what they know about.</summary>
public static unsafe class ShimInfo
{
    /// <summary>"libavcodec 59.37.100, libavutil ..., libswscale ..." as loaded at run time.</summary>
    public static string FfmpegVersion
    {
        get
        {
            byte* buffer = stackalloc byte[NativeMethods.ErrorCapacity];
            NativeMethods.ah_version_string(buffer, NativeMethods.ErrorCapacity);
            return NativeMethods.ReadError(new ReadOnlySpan<byte>(buffer, NativeMethods.ErrorCapacity));
        }
    }

    /// <summary>The shim's ABI version; must equal the one this assembly was written for.</summary>
    public static int AbiVersion => NativeMethods.ah_abi_version();

    /// <summary>Whether this FFmpeg build lists an encoder or decoder of that name (listing is not working: see the probe).</summary>
    public static bool CodecExists(string ffmpegName, bool encoder) => NativeMethods.ah_codec_exists(ffmpegName, encoder ? 1 : 0) == 1;

    /// <summary>
    /// Checks an AVOptions string ("key=value;…") against a codec's option table without opening it:
    /// null when every option exists and its value is accepted, otherwise the first problem.
    /// </summary>
    public static string? CheckOptions(string ffmpegName, bool encoder, string options)
    {
        byte* err = stackalloc byte[NativeMethods.ErrorCapacity];
        err[0] = 0;
        int result = NativeMethods.ah_codec_check_options(ffmpegName, encoder ? 1 : 0, options, err, NativeMethods.ErrorCapacity);
        return result == 0 ? null : NativeMethods.ReadError(new ReadOnlySpan<byte>(err, NativeMethods.ErrorCapacity));
    }

    /// <summary>Tries to open a hardware device ("vaapi", "/dev/dri/renderD128"). Null when it opens, else why not.</summary>
    public static string? TryOpenHardwareDevice(string type, string? device)
    {
        byte* err = stackalloc byte[NativeMethods.ErrorCapacity];
        err[0] = 0;
        int result = NativeMethods.ah_hwdevice_probe(type, device, err, NativeMethods.ErrorCapacity);
        return result == 0 ? null : NativeMethods.ReadError(new ReadOnlySpan<byte>(err, NativeMethods.ErrorCapacity));
    }

    /// <summary>Throws when the shim cannot be loaded or was built for another ABI.</summary>
    public static void EnsureCompatible()
    {
        int abi = AbiVersion;
        if (abi != NativeMethods.ExpectedAbiVersion)
        {
            throw new VideoCodecException($"libappliance_hwaccel.so has ABI {abi}, expected {NativeMethods.ExpectedAbiVersion}: rebuild hwaccel/native");
        }
    }
}
