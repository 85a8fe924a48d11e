using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;

namespace Appliance.Net.Dtls.Tests.Srtp;

/// <summary>The packet path allocates nothing in steady state (the project's rule).</summary>
public sealed class SrtpAllocationTests
{
    [Theory]
    [InlineData(SrtpProtectionProfile.Aes128CmHmacSha1_80)]
    [InlineData(SrtpProtectionProfile.AeadAes128Gcm)]
    public void Protect_and_unprotect_allocate_nothing(SrtpProtectionProfile profile)
    {
        byte[] key = new byte[profile.MasterKeyLength()];
        byte[] salt = new byte[profile.MasterSaltLength()];
        using SrtpSessionPair pair = SrtpSessionPair.Create(profile, key, salt, key, salt);
        byte[] template = Packets.Rtp(0, 0x01020304, new byte[1000]);
        byte[] rtp = Packets.WithRoom(template, SrtpSession.MaxRtpOverhead);
        byte[] rtcp = Packets.WithRoom(Packets.ReceiverReport(1, 2), SrtpSession.MaxRtcpOverhead);
        RoundTrip(pair, rtp, template.Length, rtcp, sequence: 0); // warm up (stream creation, JIT)

        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int sequence = 1; sequence <= 1000; sequence++)
            {
                RoundTrip(pair, rtp, template.Length, rtcp, sequence);
            }
        });
        Assert.Equal(0, allocated);
    }

    private static void RoundTrip(SrtpSessionPair pair, byte[] rtp, int rtpLength, byte[] rtcp, int sequence)
    {
        rtp[2] = (byte)(sequence >> 8);
        rtp[3] = (byte)sequence;
        if (pair.Outbound.ProtectRtp(rtp, rtpLength, out int protectedLength) != SrtpStatus.Ok
            || pair.Inbound.UnprotectRtp(rtp.AsSpan(0, protectedLength), out _) != SrtpStatus.Ok
            || pair.Outbound.ProtectRtcp(rtcp, 32, out int protectedRtcpLength) != SrtpStatus.Ok
            || pair.Inbound.UnprotectRtcp(rtcp.AsSpan(0, protectedRtcpLength), out _) != SrtpStatus.Ok)
        {
            throw new InvalidOperationException("round trip failed");
        }
    }
}
