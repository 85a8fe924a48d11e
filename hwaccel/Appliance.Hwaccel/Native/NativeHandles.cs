using System.Runtime.InteropServices;

namespace Appliance.Hwaccel.Native;

/// <summary>An ah_encoder*; closing it frees the codec context.</summary>
internal sealed class EncoderHandle : SafeHandle
{
    public EncoderHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        NativeMethods.ah_encoder_close(handle);
        return true;
    }
}

/// <summary>An ah_decoder*.</summary>
internal sealed class DecoderHandle : SafeHandle
{
    public DecoderHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        NativeMethods.ah_decoder_close(handle);
        return true;
    }
}

/// <summary>An ah_scaler* (a cached SwsContext).</summary>
internal sealed class ScalerHandle : SafeHandle
{
    public ScalerHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        NativeMethods.ah_scaler_free(handle);
        return true;
    }
}
