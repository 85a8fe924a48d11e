using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Appliance.Net.Srtp.Native;

namespace Appliance.Net.Srtp;

/// <summary>
/// One direction of SRTP/SRTCP protection (RFC 3711; RFC 7714 for AES-GCM) through
/// libsrtp 2.x. An outbound session protects every SSRC we send; an inbound session
/// unprotects every SSRC we receive (libsrtp's <c>ssrc_any_outbound</c> /
/// <c>ssrc_any_inbound</c> templates), each SSRC with its own replay window and
/// rollover counter.
/// </summary>
/// <remarks>
/// <para>Packets are processed in place: protect writes the tag (and for SRTCP the
/// E flag and index) after the packet, so the buffer must have
/// <see cref="RtpOverhead"/> / <see cref="RtcpOverhead"/> spare bytes
/// (at most <see cref="MaxRtpOverhead"/> / <see cref="MaxRtcpOverhead"/>).</para>
/// <para>Nothing here throws on the packet path: every failure is an
/// <see cref="SrtpStatus"/> for the caller to count and drop.</para>
/// <para>Thread-safety: a libsrtp session is not thread-safe, so a session is used by one
/// thread at a time: calls are serialised by an internal lock (uncontended in the intended
/// use, where the receive loop owns the inbound session and the sending side the outbound
/// one; it also makes RTP and RTCP sent from different threads safe). Dispose may race
/// with a call in progress: the native session is freed only after that call returns.</para>
/// </remarks>
public sealed unsafe partial class SrtpSession : IDisposable
{
    /// <summary>The most any supported profile adds to an RTP packet (AES-GCM's 16-byte tag).</summary>
    public const int MaxRtpOverhead = 16;

    /// <summary>The most any supported profile adds to an RTCP packet (index + 16-byte tag).</summary>
    public const int MaxRtcpOverhead = 20;

    /// <summary>
    /// Replay window in packets. RFC 3711 section 3.3.2 sets 64 as the minimum; 1024
    /// tolerates the reordering and NACK-driven retransmissions of a busy LAN.
    /// </summary>
    public const int ReplayWindowSize = 1024;

    private const int RtpHeaderLength = 12;
    private const int RtcpHeaderLength = 8;

    private readonly SrtpSessionHandle _handle;
    private readonly Lock _gate = new();

    private SrtpSession(SrtpSessionHandle handle, SrtpProtectionProfile profile, SrtpDirection direction)
    {
        _handle = handle;
        Profile = profile;
        Direction = direction;
    }

    /// <summary>The protection profile in use.</summary>
    public SrtpProtectionProfile Profile { get; }

    /// <summary>Whether this session protects (outbound) or unprotects (inbound).</summary>
    public SrtpDirection Direction { get; }

    /// <summary>Bytes <see cref="ProtectRtp"/> appends with this profile.</summary>
    public int RtpOverhead => Profile.RtpOverhead();

    /// <summary>Bytes <see cref="ProtectRtcp"/> appends with this profile.</summary>
    public int RtcpOverhead => Profile.RtcpOverhead();

    /// <summary>The library's own version string, e.g. "libsrtp2 2.5.0", for diagnostics.</summary>
    public static string LibraryVersion
    {
        get
        {
            LibSrtp.EnsureInitialized();
            return Marshal.PtrToStringUTF8(LibSrtp.srtp_get_version_string()) ?? string.Empty;
        }
    }

    /// <summary>
    /// Creates a session from a master key and master salt (as exported by DTLS-SRTP,
    /// RFC 5764 section 4.2). Replay protection is on. Outbound sessions allow
    /// re-protecting a packet with the same sequence number (libsrtp's
    /// <c>allow_repeat_tx</c>), so a NACK can be answered by resending the same
    /// packet; the resent payload must be byte-identical to the first.
    /// Throws on bad arguments or if libsrtp is unavailable (control path).
    /// </summary>
    public static SrtpSession Create(
        SrtpProtectionProfile profile,
        SrtpDirection direction,
        ReadOnlySpan<byte> masterKey,
        ReadOnlySpan<byte> masterSalt)
    {
        if (!profile.IsSupported())
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile.");
        }

        if (masterKey.Length != profile.MasterKeyLength())
        {
            throw new ArgumentException($"{profile} needs a {profile.MasterKeyLength()}-byte master key.", nameof(masterKey));
        }

        if (masterSalt.Length != profile.MasterSaltLength())
        {
            throw new ArgumentException($"{profile} needs a {profile.MasterSaltLength()}-byte master salt.", nameof(masterSalt));
        }

        LibSrtp.EnsureInitialized();

        // libsrtp reads the key as master key || master salt and copies it in srtp_create.
        Span<byte> key = stackalloc byte[masterKey.Length + masterSalt.Length];
        masterKey.CopyTo(key);
        masterSalt.CopyTo(key[masterKey.Length..]);

        try
        {
            fixed (byte* keyPointer = key)
            {
                SrtpPolicy policy = default;
                FillCryptoPolicies(profile, &policy);
                policy.Ssrc.Type = direction == SrtpDirection.Outbound ? SrtpSsrcType.AnyOutbound : SrtpSsrcType.AnyInbound;
                policy.Key = keyPointer;
                policy.WindowSize = new CULong(ReplayWindowSize);
                policy.AllowRepeatTx = direction == SrtpDirection.Outbound ? 1 : 0;

                int status = LibSrtp.srtp_create(out SrtpSessionHandle handle, &policy);
                if (status != 0 || handle.IsInvalid)
                {
                    handle.Dispose();
                    throw new InvalidOperationException($"srtp_create failed with {(SrtpStatus)status}.");
                }

                return new SrtpSession(handle, profile, direction);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Protects the RTP packet in <c>buffer[..length]</c> in place (RFC 3711 section 3.1),
    /// appending the authentication tag.
    /// </summary>
    /// <param name="buffer">The packet followed by at least <see cref="RtpOverhead"/> spare bytes.</param>
    /// <param name="length">Length of the plain RTP packet.</param>
    /// <param name="protectedLength">Length of the SRTP packet on success, else 0.</param>
    public SrtpStatus ProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if (Direction != SrtpDirection.Outbound)
        {
            return SrtpStatus.BadParam;
        }

        if ((uint)length > (uint)buffer.Length || !RtpPacketCheck.IsPlausibleRtp(buffer[..length]))
        {
            return SrtpStatus.Malformed;
        }

        if (buffer.Length - length < RtpOverhead)
        {
            return SrtpStatus.BufferTooSmall;
        }

        return Call(NativeOperation.ProtectRtp, buffer, length, out protectedLength);
    }

    /// <summary>
    /// Verifies and decrypts the SRTP packet <paramref name="packet"/> in place
    /// (RFC 3711 section 3.3), checking the replay window.
    /// </summary>
    /// <param name="packet">Exactly the received datagram.</param>
    /// <param name="length">Length of the plain RTP packet on success, else 0.</param>
    public SrtpStatus UnprotectRtp(Span<byte> packet, out int length)
    {
        length = 0;
        if (Direction != SrtpDirection.Inbound)
        {
            return SrtpStatus.BadParam;
        }

        if (packet.Length < RtpHeaderLength + RtpOverhead || !RtpPacketCheck.IsPlausibleRtp(packet[..^RtpOverhead]))
        {
            return SrtpStatus.Malformed;
        }

        return Call(NativeOperation.UnprotectRtp, packet, packet.Length, out length);
    }

    /// <summary>
    /// Protects the RTCP compound packet in <c>buffer[..length]</c> in place
    /// (RFC 3711 section 3.4), appending the E flag, SRTCP index and tag.
    /// </summary>
    /// <param name="buffer">The packet followed by at least <see cref="RtcpOverhead"/> spare bytes.</param>
    /// <param name="length">Length of the plain RTCP packet.</param>
    /// <param name="protectedLength">Length of the SRTCP packet on success, else 0.</param>
    public SrtpStatus ProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if (Direction != SrtpDirection.Outbound)
        {
            return SrtpStatus.BadParam;
        }

        if ((uint)length > (uint)buffer.Length || !RtpPacketCheck.IsPlausibleRtcp(buffer[..length]))
        {
            return SrtpStatus.Malformed;
        }

        if (buffer.Length - length < RtcpOverhead)
        {
            return SrtpStatus.BufferTooSmall;
        }

        return Call(NativeOperation.ProtectRtcp, buffer, length, out protectedLength);
    }

    /// <summary>
    /// Verifies and decrypts the SRTCP packet <paramref name="packet"/> in place
    /// (RFC 3711 section 3.4), checking the SRTCP replay window.
    /// </summary>
    /// <param name="packet">Exactly the received datagram.</param>
    /// <param name="length">Length of the plain RTCP packet on success, else 0.</param>
    public SrtpStatus UnprotectRtcp(Span<byte> packet, out int length)
    {
        length = 0;
        if (Direction != SrtpDirection.Inbound)
        {
            return SrtpStatus.BadParam;
        }

        if (packet.Length < RtcpHeaderLength + RtcpOverhead || !RtpPacketCheck.IsPlausibleRtcp(packet[..RtcpHeaderLength]))
        {
            return SrtpStatus.Malformed;
        }

        return Call(NativeOperation.UnprotectRtcp, packet, packet.Length, out length);
    }

    /// <summary>Frees the native session (after any call in progress returns).</summary>
    public void Dispose() => _handle.Dispose();
}
