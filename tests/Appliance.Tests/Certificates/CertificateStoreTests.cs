using System.Net;
using System.Security.Cryptography.X509Certificates;
using Appliance.Certificates;
using Appliance.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Tests.Certificates;

public sealed class CertificateStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("appliance-cert-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeIdentity _identity = new(new HostIdentity("roombox", [IPAddress.Parse("192.168.1.20"), IPAddress.Parse("fd00::20")]));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CertificateStore NewStore() => new(new StateDirectory(_folder), _identity, _time,
        Options.Create(new ApplianceOptions()), NullLogger<CertificateStore>.Instance);

    [Fact]
    public void First_start_issues_an_ecdsa_p256_certificate_naming_the_box()
    {
        var certificate = NewStore().Current;

        using var key = certificate.GetECDsaPublicKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["roombox", "roombox.local", "localhost"], names.EnumerateDnsNames().ToArray());
        Assert.Equal(
            new[] { "127.0.0.1", "::1", "192.168.1.20", "fd00::20" },
            names.EnumerateIPAddresses().Select(a => a.ToString()).ToArray());
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void The_key_file_is_readable_by_the_service_only()
    {
        var store = NewStore();
        _ = store.Current;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(store.KeyPath)!));
    }

    [Fact]
    public void A_later_start_reuses_the_stored_certificate()
    {
        var first = NewStore().Current;
        var second = NewStore().Current;

        Assert.Equal(first.Thumbprint, second.Thumbprint);
    }

    [Fact]
    public void A_changed_address_issues_a_new_certificate_naming_it()
    {
        var first = NewStore().Current;
        _identity.Value = _identity.Value with { Addresses = [IPAddress.Parse("10.0.0.7")] };

        var second = NewStore().Current;

        Assert.NotEqual(first.Thumbprint, second.Thumbprint);
        var addresses = second.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses();
        Assert.Contains(IPAddress.Parse("10.0.0.7"), addresses);
        Assert.DoesNotContain(IPAddress.Parse("192.168.1.20"), addresses);
    }

    [Fact]
    public void A_changed_host_name_issues_a_new_certificate()
    {
        var first = NewStore().Current;
        _identity.Value = _identity.Value with { HostName = "boardroom" };

        Assert.NotEqual(first.Thumbprint, NewStore().Current.Thumbprint);
    }

    [Fact]
    public void A_certificate_close_to_expiry_is_renewed()
    {
        var first = NewStore().Current;
        _time.Advance(SelfSignedCertificate.Validity - TimeSpan.FromDays(29));

        var second = NewStore().Current;

        Assert.NotEqual(first.Thumbprint, second.Thumbprint);
        Assert.True(second.NotAfter.ToUniversalTime() > _time.GetUtcNow().UtcDateTime.AddDays(300));
    }

    [Fact]
    public void A_corrupt_stored_certificate_is_replaced()
    {
        var store = NewStore();
        var first = store.Current;
        File.WriteAllText(store.KeyPath, "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n");

        var second = NewStore().Current;

        Assert.NotEqual(first.Thumbprint, second.Thumbprint);
        Assert.True(second.HasPrivateKey);
    }

    [Fact]
    public void The_fingerprint_is_the_sha256_of_the_certificate_in_colon_hex()
    {
        var certificate = NewStore().Current;

        var fingerprint = SelfSignedCertificate.Fingerprint(certificate);

        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.RawData)), fingerprint.Replace(":", ""));
    }

    private sealed class FakeIdentity(HostIdentity value) : IHostIdentitySource
    {
        public HostIdentity Value { get; set; } = value;
        public HostIdentity Current() => Value;
    }
}
