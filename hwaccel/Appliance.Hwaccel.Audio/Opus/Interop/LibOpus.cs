using System.Runtime.InteropServices;

namespace Appliance.Hwaccel.Audio.Opus.Interop;

/// <summary>
/// P/Invoke declarations for libopus (Debian package <c>libopus0</c>), loaded by its
/// versioned soname so a box needs only the runtime package, not <c>libopus-dev</c>.
/// Signatures follow <c>/usr/include/opus/opus.h</c> (libopus 1.3).
/// </summary>
/// <remarks>
/// <para><b>Variadic ctl calls.</b> <c>opus_encoder_ctl(OpusEncoder *st, int request, ...)</c>
/// and <c>opus_decoder_ctl</c> are C variadic functions. .NET has no portable way to call
/// varargs on Unix (<c>__arglist</c> is Windows-only), so they are declared here with fixed
/// signatures: <c>(handle, int request, int value)</c> for the SET requests,
/// <c>(handle, int request, out int value)</c> / <c>out uint</c> for the GET requests (the
/// argument is a pointer) and <c>(handle, int request)</c> for OPUS_RESET_STATE.
/// This is sound on the targets this product runs on, because on each of them an integer or
/// pointer variadic argument travels exactly where a named argument in the same position would:</para>
/// <list type="bullet">
/// <item>x86-64 System V (Linux amd64): the first six integer/pointer arguments, named or
/// variadic, go in rdi, rsi, rdx, rcx, r8, r9. The only varargs extra is that the caller sets
/// %al to an upper bound on the vector registers used; a callee only uses it to decide whether
/// to spill xmm0-7 into its register save area. Debian's libopus 1.3.1 <c>opus_encoder_ctl</c> and <c>opus_decoder_ctl</c>
/// do not even read %al (checked with <c>objdump -d</c>: they spill rdx..r9 only), and a
/// callee that did would only spill unused registers.</item>
/// <item>AArch64 on Linux (AAPCS64, Raspberry Pi 4/5 64-bit, Jetson): variadic arguments are
/// passed exactly like named ones, in x0-x7 then the stack. (Apple's arm64 ABI differs:
/// there every variadic argument goes on the stack, so these declarations would NOT work on
/// macOS/iOS arm64.)</item>
/// <item>32-bit ARM (AAPCS, armhf): integer arguments, variadic or not, use r0-r3 then the
/// stack. Only double varargs differ (even register pair alignment), and none are used.</item>
/// </list>
/// <para>Only int and pointer arguments are ever passed, never floating point.</para>
/// </remarks>
internal static unsafe partial class LibOpus
{
    /// <summary>The versioned soname of libopus (Debian <c>libopus0</c>).</summary>
    public const string LibraryName = "libopus.so.0";

    // --- opus_defines.h: ctl request codes (the generic and encoder CTLs) ---
    public const int SetApplicationRequest = 4000;
    public const int GetApplicationRequest = 4001;
    public const int SetBitrateRequest = 4002;
    public const int GetBitrateRequest = 4003;
    public const int SetComplexityRequest = 4010;
    public const int GetComplexityRequest = 4011;
    public const int SetInbandFecRequest = 4012;
    public const int GetInbandFecRequest = 4013;
    public const int SetPacketLossPercRequest = 4014;
    public const int GetPacketLossPercRequest = 4015;
    public const int SetDtxRequest = 4016;
    public const int GetDtxRequest = 4017;
    public const int GetLookaheadRequest = 4027;
    public const int ResetState = 4028;
    public const int GetSampleRateRequest = 4029;
    public const int GetFinalRangeRequest = 4031;
    public const int GetLastPacketDurationRequest = 4039;
    public const int GetInDtxRequest = 4049;

    // --- opus.h: encoder ---
    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_create")]
    public static partial OpusEncoderSafeHandle EncoderCreate(int fs, int channels, int application, out int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_destroy")]
    public static partial void EncoderDestroy(IntPtr st);

    [LibraryImport(LibraryName, EntryPoint = "opus_encode")]
    public static partial int Encode(OpusEncoderSafeHandle st, short* pcm, int frameSize, byte* data, int maxDataBytes);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderSafeHandle st, int request, int value);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderSafeHandle st, int request, out int value);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderSafeHandle st, int request, out uint value);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderSafeHandle st, int request);

    // --- opus.h: decoder ---
    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_create")]
    public static partial OpusDecoderSafeHandle DecoderCreate(int fs, int channels, out int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_destroy")]
    public static partial void DecoderDestroy(IntPtr st);

    [LibraryImport(LibraryName, EntryPoint = "opus_decode")]
    public static partial int Decode(OpusDecoderSafeHandle st, byte* data, int len, short* pcm, int frameSize, int decodeFec);

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_ctl")]
    public static partial int DecoderCtl(OpusDecoderSafeHandle st, int request, out int value);

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_ctl")]
    public static partial int DecoderCtl(OpusDecoderSafeHandle st, int request, out uint value);

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_ctl")]
    public static partial int DecoderCtl(OpusDecoderSafeHandle st, int request);

    // --- opus_defines.h: library information ---
    [LibraryImport(LibraryName, EntryPoint = "opus_strerror")]
    public static partial byte* StrError(int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_get_version_string")]
    public static partial byte* GetVersionString();
}
