using Appliance.Net.Srtp;

namespace Appliance.Net.Dtls.Tests.Dtls;

public sealed class DtlsSrtpKeysTests
{
    [Fact]
    public void Keying_material_is_split_as_rfc_5764_section_4_2_lays_it_out()
    {
        // 2 * (16 + 14) = 60 bytes: client key, server key, client salt, server salt.
        byte[] material = Enumerable.Range(0, 60).Select(i => (byte)i).ToArray();

        DtlsSrtpKeys keys = DtlsSrtpKeys.FromKeyingMaterial(SrtpProtectionProfile.Aes128CmHmacSha1_80, DtlsRole.Server, material);

        Assert.Equal(material[0..16], keys.ClientWriteMasterKey.ToArray());
        Assert.Equal(material[16..32], keys.ServerWriteMasterKey.ToArray());
        Assert.Equal(material[32..46], keys.ClientWriteMasterSalt.ToArray());
        Assert.Equal(material[46..60], keys.ServerWriteMasterSalt.ToArray());
    }

    [Fact]
    public void Gcm_keying_material_has_96_bit_salts()
    {
        // 2 * (16 + 12) = 56 bytes (RFC 7714 section 14.2).
        byte[] material = Enumerable.Range(0, 56).Select(i => (byte)i).ToArray();

        DtlsSrtpKeys keys = DtlsSrtpKeys.FromKeyingMaterial(SrtpProtectionProfile.AeadAes128Gcm, DtlsRole.Client, material);

        Assert.Equal(56, DtlsSrtpKeys.KeyingMaterialLength(SrtpProtectionProfile.AeadAes128Gcm));
        Assert.Equal(material[32..44], keys.ClientWriteMasterSalt.ToArray());
        Assert.Equal(material[44..56], keys.ServerWriteMasterSalt.ToArray());
    }

    [Fact]
    public void Each_role_writes_with_its_own_key_and_reads_with_the_other()
    {
        byte[] material = Enumerable.Range(0, 60).Select(i => (byte)i).ToArray();

        DtlsSrtpKeys client = DtlsSrtpKeys.FromKeyingMaterial(SrtpProtectionProfile.Aes128CmHmacSha1_80, DtlsRole.Client, material);
        DtlsSrtpKeys server = DtlsSrtpKeys.FromKeyingMaterial(SrtpProtectionProfile.Aes128CmHmacSha1_80, DtlsRole.Server, material);

        Assert.Equal(material[0..16], client.LocalMasterKey.ToArray());
        Assert.Equal(material[32..46], client.LocalMasterSalt.ToArray());
        Assert.Equal(material[16..32], client.RemoteMasterKey.ToArray());
        Assert.Equal(material[46..60], client.RemoteMasterSalt.ToArray());
        Assert.Equal(client.LocalMasterKey.ToArray(), server.RemoteMasterKey.ToArray());
        Assert.Equal(client.RemoteMasterSalt.ToArray(), server.LocalMasterSalt.ToArray());
    }

    [Fact]
    public void Material_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            DtlsSrtpKeys.FromKeyingMaterial(SrtpProtectionProfile.AeadAes128Gcm, DtlsRole.Client, new byte[60]));
    }
}
