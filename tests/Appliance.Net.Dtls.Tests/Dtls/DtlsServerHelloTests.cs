using Appliance.Net.Dtls.Tests.Support;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Xunit.Abstractions;
using BcSrtpProtectionProfile = Org.BouncyCastle.Tls.SrtpProtectionProfile;

namespace Appliance.Net.Dtls.Tests.Dtls;

/// <summary>
/// What the box's server says to a client, observed by a plain BouncyCastle client that
/// records the server's messages: Chrome needs ECDSA in the CertificateRequest, WebRTC
/// needs the client's certificate requested, and the key export needs the extended
/// master secret.
/// </summary>
public sealed class DtlsServerHelloTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_server_requests_a_client_certificate_listing_ecdsa_and_negotiates_ems_and_use_srtp()
    {
        DtlsCertificate clientCertificate = DtlsCertificate.Generate();
        DtlsCertificate serverCertificate = DtlsCertificate.Generate();
        using var clientInbox = new System.Collections.Concurrent.BlockingCollection<byte[]>();
        using var server = new DtlsTransport(
            serverCertificate,
            DtlsLink.Defaults(DtlsRole.Server, clientCertificate.Fingerprint),
            datagram => clientInbox.Add(datagram.ToArray()),
            new TestOutputLogger<DtlsTransport>(output, "server"));
        Task<DtlsHandshakeResult> serverResult = server.StartAsync();

        var crypto = new BcTlsCrypto(new SecureRandom());
        var client = new RecordingClient(crypto, clientCertificate);
        var transport = new BlockingDatagramTransport(clientInbox, datagram => server.TryReceiveDatagram(datagram));
        Org.BouncyCastle.Tls.DtlsTransport connection = await Task.Run(() => new DtlsClientProtocol().Connect(client, transport));

        Assert.True((await serverResult.WaitAsync(TimeSpan.FromSeconds(60))).IsSuccess);
        Assert.NotNull(client.CertificateRequest);
        Assert.Contains(
            SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa),
            client.CertificateRequest!.SupportedSignatureAlgorithms);
        Assert.Contains(ClientCertificateType.ecdsa_sign, client.CertificateRequest.CertificateTypes);
        Assert.True(client.ExtendedMasterSecret);
        Assert.NotNull(client.SelectedSrtp);
        Assert.Equal([BcSrtpProtectionProfile.SRTP_AEAD_AES_128_GCM], client.SelectedSrtp.ProtectionProfiles);
        Assert.Equal(serverCertificate.DerEncoded.ToArray(), client.ServerCertificateDer);
        connection.Close();
    }

    private sealed class RecordingClient(BcTlsCrypto crypto, DtlsCertificate certificate) : DefaultTlsClient(crypto)
    {
        public DtlsCertificate Certificate { get; } = certificate;

        public CertificateRequest? CertificateRequest { get; private set; }

        public bool ExtendedMasterSecret { get; private set; }

        public UseSrtpData? SelectedSrtp { get; private set; }

        public byte[]? ServerCertificateDer { get; private set; }

        public override IDictionary<int, byte[]> GetClientExtensions()
        {
            IDictionary<int, byte[]> extensions = base.GetClientExtensions();
            TlsSrtpUtilities.AddUseSrtpExtension(
                extensions,
                new UseSrtpData([BcSrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, BcSrtpProtectionProfile.SRTP_AEAD_AES_128_GCM], []));
            return extensions;
        }

        public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
        {
            base.ProcessServerExtensions(serverExtensions);
            SelectedSrtp = TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions);
        }

        public override void NotifyHandshakeComplete()
        {
            base.NotifyHandshakeComplete();
            ExtendedMasterSecret = m_context.SecurityParameters.IsExtendedMasterSecret;
        }

        public override TlsAuthentication GetAuthentication() => new Authentication(this);

        protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

        private sealed class Authentication(RecordingClient client) : TlsAuthentication
        {
            public void NotifyServerCertificate(TlsServerCertificate serverCertificate) =>
                client.ServerCertificateDer = serverCertificate.Certificate.GetCertificateAt(0).GetEncoded();

            public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest)
            {
                client.CertificateRequest = certificateRequest;
                return new BcDefaultTlsCredentialedSigner(
                    new TlsCryptoParameters(client.m_context),
                    (BcTlsCrypto)client.Crypto,
                    client.Certificate.PrivateKey,
                    new Certificate([new BcTlsCertificate((BcTlsCrypto)client.Crypto, client.Certificate.DerEncoded.ToArray())]),
                    SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
            }
        }
    }

    /// <summary>The simplest DatagramTransport: a blocking inbox and a send callback.</summary>
    private sealed class BlockingDatagramTransport(
        System.Collections.Concurrent.BlockingCollection<byte[]> inbox,
        Action<byte[]> send) : DatagramTransport
    {
        public int GetReceiveLimit() => 1500;

        public int GetSendLimit() => 1200;

        public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

        public int Receive(Span<byte> buffer, int waitMillis)
        {
            if (!inbox.TryTake(out byte[]? datagram, waitMillis))
            {
                return -1;
            }

            datagram.CopyTo(buffer);
            return datagram.Length;
        }

        public void Send(byte[] buf, int off, int len) => send(buf[off..(off + len)]);

        public void Send(ReadOnlySpan<byte> buffer) => send(buffer.ToArray());

        public void Close()
        {
        }
    }
}
