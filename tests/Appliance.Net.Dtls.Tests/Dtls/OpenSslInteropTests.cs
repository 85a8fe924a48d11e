using System.Net;
using System.Net.Sockets;
using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;
using Xunit.Abstractions;

namespace Appliance.Net.Dtls.Tests.Dtls;

/// <summary>
/// Interop with an independent DTLS implementation: OpenSSL's s_client and s_server
/// (the openssl command, over loopback UDP). Both ends must agree on the SRTP profile
/// and on every byte of the RFC 5764 keying material, and each checks the other's
/// certificate.
/// </summary>
public sealed class OpenSslInteropTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("dtls-interop-").FullName;

    public static TheoryData<SrtpProtectionProfile, string> Profiles => new()
    {
        { SrtpProtectionProfile.AeadAes128Gcm, "SRTP_AEAD_AES_128_GCM" },
        { SrtpProtectionProfile.Aes128CmHmacSha1_80, "SRTP_AES128_CM_SHA1_80" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Our_server_and_openssl_s_client_export_the_same_keys(SrtpProtectionProfile profile, string opensslProfile)
    {
        DtlsFingerprint opensslFingerprint = CreateOpenSslCertificate();
        using var bridge = new UdpBridge();
        using var server = new DtlsTransport(
            DtlsCertificate.Generate(),
            DtlsLink.Defaults(DtlsRole.Server, opensslFingerprint),
            bridge.Send,
            new TestOutputLogger<DtlsTransport>(output, "server"));
        bridge.Start(server);
        Task<DtlsHandshakeResult> result = server.StartAsync();

        using OpenSslProcess client = OpenSslProcess.Start(
            output,
            _directory,
            "s_client", "-dtls1_2", "-connect", $"127.0.0.1:{bridge.LocalPort}", "-mtu", "1200",
            "-cert", "cert.pem", "-key", "key.pem",
            "-use_srtp", opensslProfile,
            "-keymatexport", DtlsSrtpKeys.ExporterLabel, "-keymatexportlen", DtlsSrtpKeys.KeyingMaterialLength(profile).ToString());

        DtlsHandshakeResult ours = await result.WaitAsync(Patience);
        string theirs = await KeyingMaterial(client);

        Assert.True(ours.IsSuccess, ours.ToString());
        Assert.Equal(profile, ours.Keys!.Profile);
        Assert.Equal(theirs, Hex.Format(Concatenated(ours.Keys)));
        Assert.Contains("profile=" + opensslProfile, await client.WaitForLine(l => l.StartsWith("SRTP Extension negotiated")).WaitAsync(Patience));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Our_client_and_openssl_s_server_export_the_same_keys(SrtpProtectionProfile profile, string opensslProfile)
    {
        DtlsFingerprint opensslFingerprint = CreateOpenSslCertificate();
        int port = FreeUdpPort();
        using OpenSslProcess server = OpenSslProcess.Start(
            output,
            _directory,
            "s_server", "-dtls1_2", "-accept", port.ToString(), "-mtu", "1200",
            "-cert", "cert.pem", "-key", "key.pem", "-Verify", "1",
            "-use_srtp", opensslProfile,
            "-keymatexport", DtlsSrtpKeys.ExporterLabel, "-keymatexportlen", DtlsSrtpKeys.KeyingMaterialLength(profile).ToString());
        await server.WaitForLine(l => l == "ACCEPT").WaitAsync(Patience);

        using var bridge = new UdpBridge(new IPEndPoint(IPAddress.Loopback, port));
        using var client = new DtlsTransport(
            DtlsCertificate.Generate(),
            DtlsLink.Defaults(DtlsRole.Client, opensslFingerprint),
            bridge.Send,
            new TestOutputLogger<DtlsTransport>(output, "client"));
        bridge.Start(client);

        DtlsHandshakeResult ours = await client.StartAsync().WaitAsync(Patience);
        string theirs = await KeyingMaterial(server);

        Assert.True(ours.IsSuccess, ours.ToString());
        Assert.Equal(profile, ours.Keys!.Profile);
        Assert.Equal(theirs, Hex.Format(Concatenated(ours.Keys)));
    }

    [Fact]
    public async Task Our_server_refuses_openssl_when_its_certificate_is_not_the_signalled_one()
    {
        CreateOpenSslCertificate();
        using var bridge = new UdpBridge();
        using var server = new DtlsTransport(
            DtlsCertificate.Generate(),
            DtlsLink.Defaults(DtlsRole.Server, DtlsCertificate.Generate().Fingerprint),
            bridge.Send,
            new TestOutputLogger<DtlsTransport>(output, "server"));
        bridge.Start(server);
        Task<DtlsHandshakeResult> result = server.StartAsync();

        using OpenSslProcess client = OpenSslProcess.Start(
            output,
            _directory,
            "s_client", "-dtls1_2", "-connect", $"127.0.0.1:{bridge.LocalPort}",
            "-cert", "cert.pem", "-key", "key.pem", "-use_srtp", "SRTP_AEAD_AES_128_GCM");

        DtlsHandshakeResult ours = await result.WaitAsync(Patience);

        Assert.Equal(DtlsFailureReason.FingerprintMismatch, ours.Failure);
        await client.WaitForLine(l => l.Contains("alert bad certificate", StringComparison.OrdinalIgnoreCase)).WaitAsync(Patience);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Concatenated(DtlsSrtpKeys keys) =>
    [
        .. keys.ClientWriteMasterKey, .. keys.ServerWriteMasterKey,
        .. keys.ClientWriteMasterSalt, .. keys.ServerWriteMasterSalt,
    ];

    private static async Task<string> KeyingMaterial(OpenSslProcess openssl)
    {
        const string Prefix = "Keying material: ";
        string line = await openssl.WaitForLine(l => l.TrimStart().StartsWith(Prefix, StringComparison.Ordinal)).WaitAsync(Patience);
        return line.Trim()[Prefix.Length..];
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    /// <summary>An ECDSA P-256 self-signed certificate made by openssl; returns its fingerprint.</summary>
    private DtlsFingerprint CreateOpenSslCertificate()
    {
        OpenSslProcess.Run(
            output, _directory,
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=openssl-interop");
        OpenSslProcess.Run(output, _directory, "x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der");
        return DtlsFingerprint.FromCertificate(File.ReadAllBytes(Path.Combine(_directory, "cert.der")));
    }
}
