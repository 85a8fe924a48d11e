using Microsoft.Win32.SafeHandles;

namespace Appliance.Hwaccel.Audio.Opus.Interop;

/// <summary>Owns an <c>OpusDecoder*</c> from <c>opus_decoder_create</c>; releasing it calls <c>opus_decoder_destroy</c>.</summary>
internal sealed class OpusDecoderSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OpusDecoderSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibOpus.DecoderDestroy(handle);
        return true;
    }
}
