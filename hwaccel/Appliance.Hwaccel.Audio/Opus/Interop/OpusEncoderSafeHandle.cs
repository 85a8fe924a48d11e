using Microsoft.Win32.SafeHandles;

namespace Appliance.Hwaccel.Audio.Opus.Interop;

/// <summary>Owns an <c>OpusEncoder*</c> from <c>opus_encoder_create</c>; releasing it calls <c>opus_encoder_destroy</c>.</summary>
internal sealed class OpusEncoderSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OpusEncoderSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibOpus.EncoderDestroy(handle);
        return true;
    }
}
