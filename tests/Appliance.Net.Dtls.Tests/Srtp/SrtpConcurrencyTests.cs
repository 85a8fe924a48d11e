using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;

namespace Appliance.Net.Dtls.Tests.Srtp;

public sealed class SrtpConcurrencyTests
{
    /// <summary>
    /// Audio, video and RTCP may be protected from different threads on one outbound
    /// session: each stream's packets must still come out valid and in sequence.
    /// </summary>
    [Fact]
    public async Task Rtp_and_rtcp_protected_from_several_threads_all_unprotect()
    {
        byte[] key = Hex.Parse("00112233445566778899AABBCCDDEEFF");
        byte[] salt = Hex.Parse("0102030405060708090A0B0C");
        using SrtpSessionPair sender = SrtpSessionPair.Create(SrtpProtectionProfile.AeadAes128Gcm, key, salt, key, salt);
        using SrtpSessionPair receiver = SrtpSessionPair.Create(SrtpProtectionProfile.AeadAes128Gcm, key, salt, key, salt);
        const int PacketsPerThread = 500;
        using var start = new ManualResetEventSlim();

        Task<List<byte[]>>[] rtpThreads = Enumerable.Range(1, 3).Select(ssrc => Task.Run(() =>
        {
            start.Wait();
            var wire = new List<byte[]>();
            for (int sequence = 0; sequence < PacketsPerThread; sequence++)
            {
                byte[] plain = Packets.Rtp((ushort)sequence, (uint)ssrc, new byte[100]);
                byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtpOverhead);
                Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtp(buffer, plain.Length, out int length));
                wire.Add(buffer[..length]);
            }

            return wire;
        })).ToArray();
        Task<List<byte[]>> rtcpThread = Task.Run(() =>
        {
            start.Wait();
            var wire = new List<byte[]>();
            for (int i = 0; i < PacketsPerThread; i++)
            {
                byte[] buffer = Packets.WithRoom(Packets.ReceiverReport(99, 1), SrtpSession.MaxRtcpOverhead);
                Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtcp(buffer, 32, out int length));
                wire.Add(buffer[..length]);
            }

            return wire;
        });

        start.Set();
        List<byte[]>[] rtp = await Task.WhenAll(rtpThreads);
        List<byte[]> rtcp = await rtcpThread;

        Assert.All(rtp.SelectMany(packets => packets), packet =>
            Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtp(packet, out _)));
        Assert.All(rtcp, packet =>
            Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtcp(packet, out _)));
    }
}
