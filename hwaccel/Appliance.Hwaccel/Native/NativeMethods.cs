using System.Runtime.InteropServices;

namespace Appliance.Hwaccel.Native;

/// <summary>
/// The C ABI of libappliance_hwaccel.so (hwaccel/native). Only opaque handles, ints,
/// pointers to bytes and UTF-8 strings cross it: no FFmpeg structure layout lives in C#.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const string Library = "appliance_hwaccel";
    public const int ExpectedAbiVersion = 1;
    public const int ErrorCapacity = 256;

    [LibraryImport(Library)]
    public static partial int ah_abi_version();

    [LibraryImport(Library)]
    public static partial int ah_version_string(byte* buf, int cap);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ah_codec_exists(string name, int isEncoder);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ah_codec_check_options(string name, int isEncoder, string? options, byte* err, int errCap);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ah_hwdevice_probe(string type, string? device, byte* err, int errCap);

    [LibraryImport(Library)]
    public static partial void ah_log_set_callback(delegate* unmanaged<int, byte*, void> callback, int maxLevel);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ah_encoder_open(string codecName, int width, int height, int fpsNum, int fpsDen,
        int bitrate, int gop, int pixelFormat, string? options, string? hwType, string? hwDevice,
        out EncoderHandle handle, byte* err, int errCap);

    [LibraryImport(Library)]
    public static partial int ah_encoder_send_frame(EncoderHandle enc, byte* p0, int s0, byte* p1, int s1,
        byte* p2, int s2, long pts, int forceKeyframe);

    [LibraryImport(Library)]
    public static partial int ah_encoder_receive_packet(EncoderHandle enc, byte* output, int cap, out int length,
        out long pts, out int isKeyframe);

    [LibraryImport(Library)]
    public static partial int ah_encoder_set_bitrate(EncoderHandle enc, int bitrate);

    [LibraryImport(Library)]
    public static partial int ah_encoder_set_framerate(EncoderHandle enc, int fpsNum, int fpsDen);

    [LibraryImport(Library)]
    public static partial int ah_encoder_last_error(EncoderHandle enc, byte* buf, int cap);

    [LibraryImport(Library)]
    public static partial void ah_encoder_close(IntPtr enc);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ah_decoder_open(string codecName, string? options, string? hwType, string? hwDevice,
        out DecoderHandle handle, byte* err, int errCap);

    [LibraryImport(Library)]
    public static partial int ah_decoder_send_packet(DecoderHandle dec, byte* data, int length, long pts);

    [LibraryImport(Library)]
    public static partial int ah_decoder_receive_frame(DecoderHandle dec, out int width, out int height,
        out long pts, out int flags);

    [LibraryImport(Library)]
    public static partial int ah_decoder_copy_frame(DecoderHandle dec, byte* p0, int s0, byte* p1, int s1,
        byte* p2, int s2, int pixelFormat);

    [LibraryImport(Library)]
    public static partial void ah_decoder_flush(DecoderHandle dec);

    [LibraryImport(Library)]
    public static partial int ah_decoder_last_error(DecoderHandle dec, byte* buf, int cap);

    [LibraryImport(Library)]
    public static partial void ah_decoder_close(IntPtr dec);

    [LibraryImport(Library)]
    public static partial ScalerHandle ah_scaler_create();

    [LibraryImport(Library)]
    public static partial int ah_scaler_scale(ScalerHandle scaler,
        byte* sp0, int ss0, byte* sp1, int ss1, byte* sp2, int ss2, int sw, int sh, int sfmt,
        byte* dp0, int ds0, byte* dp1, int ds1, byte* dp2, int ds2, int dw, int dh, int dfmt);

    [LibraryImport(Library)]
    public static partial void ah_scaler_free(IntPtr scaler);

    /// <summary>Reads a NUL-terminated UTF-8 message written by the shim.</summary>
    public static string ReadError(ReadOnlySpan<byte> buffer)
    {
        int end = buffer.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? buffer : buffer[..end]);
    }
}
