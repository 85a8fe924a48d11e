using Appliance.Net.Srtp.Native;

namespace Appliance.Net.Srtp;

// The calls into libsrtp behind SrtpSession: policy set-up and the four packet operations.
public sealed unsafe partial class SrtpSession
{
    private static void FillCryptoPolicies(SrtpProtectionProfile profile, SrtpPolicy* policy)
    {
        switch (profile)
        {
            case SrtpProtectionProfile.Aes128CmHmacSha1_80:
                LibSrtp.srtp_crypto_policy_set_rtp_default(&policy->Rtp);
                LibSrtp.srtp_crypto_policy_set_rtcp_default(&policy->Rtcp);
                break;
            case SrtpProtectionProfile.AeadAes128Gcm:
                LibSrtp.srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy->Rtp);
                LibSrtp.srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy->Rtcp);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile.");
        }
    }

    private SrtpStatus Call(NativeOperation operation, Span<byte> buffer, int length, out int resultLength)
    {
        resultLength = 0;
        bool added = false;
        try
        {
            // Keeps the native session alive for the duration of the call, even if
            // Dispose runs concurrently; fails once the handle is closed.
            _handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            return SrtpStatus.Disposed;
        }

        try
        {
            nint session = _handle.DangerousGetHandle();
            int inOut = length;
            int status;
            fixed (byte* pointer = buffer)
            using (_gate.EnterScope())
            {
                status = operation switch
                {
                    NativeOperation.ProtectRtp => LibSrtp.srtp_protect(session, pointer, &inOut),
                    NativeOperation.UnprotectRtp => LibSrtp.srtp_unprotect(session, pointer, &inOut),
                    NativeOperation.ProtectRtcp => LibSrtp.srtp_protect_rtcp(session, pointer, &inOut),
                    _ => LibSrtp.srtp_unprotect_rtcp(session, pointer, &inOut),
                };
            }

            if (status != 0)
            {
                return (SrtpStatus)status;
            }

            if ((uint)inOut > (uint)buffer.Length)
            {
                // Cannot happen with the capacity checks above; never hand out a bad length.
                return SrtpStatus.Fail;
            }

            resultLength = inOut;
            return SrtpStatus.Ok;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    private enum NativeOperation
    {
        ProtectRtp,
        UnprotectRtp,
        ProtectRtcp,
        UnprotectRtcp,
    }
}
