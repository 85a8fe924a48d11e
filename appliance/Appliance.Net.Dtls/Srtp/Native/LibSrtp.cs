using System.Runtime.InteropServices;

namespace Appliance.Net.Srtp.Native;

/// <summary>
/// P/Invoke declarations for libsrtp 2.x, loaded by its versioned soname so that only
/// the runtime package (Debian <c>libsrtp2-1</c>) is needed on the box.
/// </summary>
internal static unsafe partial class LibSrtp
{
    /// <summary>The versioned soname of libsrtp 2.x.</summary>
    public const string LibraryName = "libsrtp2.so.1";

    private static readonly Lazy<int> s_init = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Calls srtp_init() once per process, thread-safely (srtp.h: "srtp_init() initializes
    /// the srtp library ... must be called before any other srtp functions").
    /// Throws on the control path if the library is missing or fails to initialise.
    /// </summary>
    public static void EnsureInitialized()
    {
        int status = s_init.Value;
        if (status != 0)
        {
            throw new InvalidOperationException($"srtp_init failed with srtp_err_status {status}.");
        }
    }

    private static int Initialize()
    {
        try
        {
            return srtp_init();
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException(
                $"{LibraryName} was not found; install the Debian package libsrtp2-1.", e);
        }
    }

    [LibraryImport(LibraryName)]
    private static partial int srtp_init();

    [LibraryImport(LibraryName)]
    public static partial nint srtp_get_version_string();

    [LibraryImport(LibraryName)]
    public static partial int srtp_create(out SrtpSessionHandle session, SrtpPolicy* policy);

    [LibraryImport(LibraryName)]
    public static partial int srtp_dealloc(nint session);

    [LibraryImport(LibraryName)]
    public static partial int srtp_protect(nint session, byte* rtpHeader, int* length);

    [LibraryImport(LibraryName)]
    public static partial int srtp_unprotect(nint session, byte* srtpHeader, int* length);

    [LibraryImport(LibraryName)]
    public static partial int srtp_protect_rtcp(nint session, byte* rtcpHeader, int* length);

    [LibraryImport(LibraryName)]
    public static partial int srtp_unprotect_rtcp(nint session, byte* srtcpHeader, int* length);

    // srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80 is a macro for this one (srtp.h).
    [LibraryImport(LibraryName)]
    public static partial void srtp_crypto_policy_set_rtp_default(SrtpCryptoPolicy* policy);

    [LibraryImport(LibraryName)]
    public static partial void srtp_crypto_policy_set_rtcp_default(SrtpCryptoPolicy* policy);

    [LibraryImport(LibraryName)]
    public static partial void srtp_crypto_policy_set_aes_gcm_128_16_auth(SrtpCryptoPolicy* policy);
}
