using System.Runtime.InteropServices;

namespace Appliance.Net.Srtp.Native;

/// <summary>
/// Owns one libsrtp <c>srtp_t</c>. Being a SafeHandle, it cannot be freed while a
/// protect/unprotect call is using it, even if Dispose races with that call.
/// </summary>
internal sealed class SrtpSessionHandle : SafeHandle
{
    public SrtpSessionHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => LibSrtp.srtp_dealloc(handle) == 0;
}
