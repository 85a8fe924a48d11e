using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;
using Xunit.Abstractions;

namespace Appliance.Net.Dtls.Tests.Dtls;

public sealed class DtlsHandshakeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SrtpProtectionProfile.AeadAes128Gcm)]
    [InlineData(SrtpProtectionProfile.Aes128CmHmacSha1_80)]
    public async Task Both_sides_export_the_same_srtp_keys_for_the_offered_profile(SrtpProtectionProfile profile)
    {
        using var link = new DtlsLink(output, client: o => DtlsLink.With(o, profiles: [profile]));

        var (client, server) = await link.HandshakeAsync();

        Assert.True(client.IsSuccess, client.ToString());
        Assert.True(server.IsSuccess, server.ToString());
        Assert.Equal(profile, client.Keys!.Profile);
        Assert.Equal(profile, server.Keys!.Profile);
        Assert.Equal(DtlsRole.Client, client.Keys.Role);
        Assert.Equal(DtlsRole.Server, server.Keys.Role);

        // RFC 5764 section 4.2: both ends derive the same four values ...
        Assert.Equal(client.Keys.ClientWriteMasterKey.ToArray(), server.Keys.ClientWriteMasterKey.ToArray());
        Assert.Equal(client.Keys.ServerWriteMasterKey.ToArray(), server.Keys.ServerWriteMasterKey.ToArray());
        Assert.Equal(client.Keys.ClientWriteMasterSalt.ToArray(), server.Keys.ClientWriteMasterSalt.ToArray());
        Assert.Equal(client.Keys.ServerWriteMasterSalt.ToArray(), server.Keys.ServerWriteMasterSalt.ToArray());

        // ... so what one side writes with, the other reads with.
        Assert.Equal(client.Keys.LocalMasterKey.ToArray(), server.Keys.RemoteMasterKey.ToArray());
        Assert.Equal(server.Keys.LocalMasterSalt.ToArray(), client.Keys.RemoteMasterSalt.ToArray());
        Assert.NotEqual(client.Keys.ClientWriteMasterKey.ToArray(), client.Keys.ServerWriteMasterKey.ToArray());
        Assert.Equal(profile.MasterKeyLength(), client.Keys.LocalMasterKey.Length);
        Assert.Equal(profile.MasterSaltLength(), client.Keys.LocalMasterSalt.Length);

        Assert.Equal(DtlsTransportState.Connected, link.Client.State);
        Assert.Equal(DtlsTransportState.Connected, link.Server.State);
    }

    [Fact]
    public async Task The_server_picks_its_preferred_profile_whatever_the_client_order()
    {
        using var link = new DtlsLink(
            output,
            client: o => DtlsLink.With(o, profiles: [SrtpProtectionProfile.Aes128CmHmacSha1_80, SrtpProtectionProfile.AeadAes128Gcm]));

        var (client, server) = await link.HandshakeAsync();

        Assert.Equal(SrtpProtectionProfile.AeadAes128Gcm, server.Keys?.Profile);
        Assert.Equal(SrtpProtectionProfile.AeadAes128Gcm, client.Keys?.Profile);
    }

    [Fact]
    public async Task No_common_srtp_profile_fails_the_handshake()
    {
        using var link = new DtlsLink(
            output,
            client: o => DtlsLink.With(o, profiles: [SrtpProtectionProfile.AeadAes128Gcm]),
            server: o => DtlsLink.With(o, profiles: [SrtpProtectionProfile.Aes128CmHmacSha1_80]));

        var (client, server) = await link.HandshakeAsync();

        Assert.Equal(DtlsFailureReason.NoCommonSrtpProfile, server.Failure);
        Assert.False(client.IsSuccess);
    }

    [Fact]
    public async Task The_server_refuses_a_client_certificate_that_does_not_match_the_signalled_fingerprint()
    {
        DtlsFingerprint someoneElse = DtlsCertificate.Generate().Fingerprint;
        using var link = new DtlsLink(output, server: o => DtlsLink.With(o, remote: someoneElse));
        var serverFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Server.StateChanged += (_, state) =>
        {
            if (state == DtlsTransportState.Failed)
            {
                serverFailed.TrySetResult();
            }
        };

        var (client, server) = await link.HandshakeAsync();

        Assert.False(server.IsSuccess);
        Assert.Equal(DtlsFailureReason.FingerprintMismatch, server.Failure);
        Assert.Contains(link.ClientCertificate.Fingerprint.ToHexWithColons(), server.Message);
        Assert.Null(server.Keys);

        // The client is told with a fatal alert and fails too.
        Assert.False(client.IsSuccess);
        Assert.Equal(DtlsFailureReason.AlertReceived, client.Failure);
        Assert.Contains("bad_certificate", client.Message);

        await serverFailed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(DtlsTransportState.Failed, link.Server.State);
    }

    [Fact]
    public async Task The_client_refuses_a_server_certificate_that_does_not_match_the_signalled_fingerprint()
    {
        DtlsFingerprint someoneElse = DtlsCertificate.Generate().Fingerprint;
        using var link = new DtlsLink(output, client: o => DtlsLink.With(o, remote: someoneElse));

        var (client, server) = await link.HandshakeAsync();

        Assert.Equal(DtlsFailureReason.FingerprintMismatch, client.Failure);
        Assert.False(server.IsSuccess);
    }

    [Fact]
    public async Task A_lost_client_hello_is_retransmitted()
    {
        using var link = new DtlsLink(output) { Drop = (sender, index, _) => sender == DtlsRole.Client && index == 0 };

        var (client, server) = await link.HandshakeAsync();

        Assert.Equal(1, link.DroppedCount);
        Assert.True(client.IsSuccess, client.ToString());
        Assert.True(server.IsSuccess, server.ToString());
    }

    [Fact]
    public async Task A_lost_server_flight_is_retransmitted()
    {
        // Every datagram of the server's first flight (ServerHello ... ServerHelloDone) is lost once.
        int serverFirstFlight = 0;
        using var link = new DtlsLink(output)
        {
            Drop = (sender, _, datagram) => sender == DtlsRole.Server && IsServerHelloFlight(datagram) && Interlocked.Increment(ref serverFirstFlight) <= 1,
        };

        var (client, server) = await link.HandshakeAsync();

        Assert.True(link.DroppedCount >= 1);
        Assert.True(client.IsSuccess, client.ToString());
        Assert.True(server.IsSuccess, server.ToString());
        Assert.Equal(client.Keys!.ServerWriteMasterKey.ToArray(), server.Keys!.ServerWriteMasterKey.ToArray());
    }

    [Fact]
    public async Task A_lost_final_server_flight_is_answered_after_the_server_has_connected()
    {
        // The server's ChangeCipherSpec + Finished is lost once: the server has already
        // completed, so only its post-handshake loop can answer the client's retransmission.
        int finalFlightDrops = 0;
        using var link = new DtlsLink(output)
        {
            Drop = (sender, _, datagram) =>
                sender == DtlsRole.Server && ContainsChangeCipherSpec(datagram) && Interlocked.Increment(ref finalFlightDrops) == 1,
        };

        var (client, server) = await link.HandshakeAsync();

        Assert.Equal(1, link.DroppedCount);
        Assert.True(server.IsSuccess, server.ToString());
        Assert.True(client.IsSuccess, client.ToString());
    }

    [Fact]
    public async Task Garbage_datagrams_do_not_disturb_the_handshake()
    {
        using var link = new DtlsLink(output);
        var random = new Random(7);
        Task<DtlsHandshakeResult> serverTask = link.Server.StartAsync();
        for (int i = 0; i < 20; i++)
        {
            var junk = new byte[random.Next(1, 200)];
            random.NextBytes(junk);
            junk[0] = (byte)random.Next(20, 64);
            link.Server.TryReceiveDatagram(junk);
        }

        DtlsHandshakeResult client = await link.Client.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        DtlsHandshakeResult server = await serverTask.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(client.IsSuccess, client.ToString());
        Assert.True(server.IsSuccess, server.ToString());
    }

    [Fact]
    public void Oversized_and_empty_datagrams_are_dropped_and_counted()
    {
        using var link = new DtlsLink(output);

        Assert.False(link.Server.TryReceiveDatagram([]));
        Assert.False(link.Server.TryReceiveDatagram(new byte[1501]));
        Assert.True(link.Server.TryReceiveDatagram(new byte[100]));

        Assert.Equal(2, link.Server.DroppedDatagrams);
    }

    // RFC 6347 section 4.1: a record starts with its content type; 22 is handshake and the
    // handshake message type follows the 13-byte record header: 2 is server_hello.
    private static bool IsServerHelloFlight(ReadOnlySpan<byte> datagram) =>
        datagram.Length > 13 && datagram[0] == 22 && datagram[13] == 2;

    // Content type 20 is change_cipher_spec (RFC 5246 section 6.2.1); walk the records.
    private static bool ContainsChangeCipherSpec(ReadOnlySpan<byte> datagram)
    {
        int at = 0;
        while (at + 13 <= datagram.Length)
        {
            if (datagram[at] == 20)
            {
                return true;
            }

            at += 13 + ((datagram[at + 11] << 8) | datagram[at + 12]);
        }

        return false;
    }
}
