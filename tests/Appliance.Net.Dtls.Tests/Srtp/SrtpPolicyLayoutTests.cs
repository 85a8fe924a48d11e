using System.Runtime.InteropServices;
using Appliance.Net.Srtp.Native;

namespace Appliance.Net.Dtls.Tests.Srtp;

/// <summary>
/// The C# mirror of srtp_policy_t must match libsrtp 2.x's layout on LP64, as gcc lays
/// it out from &lt;srtp2/srtp.h&gt; (offsetof printed on Debian 12 x86-64, libsrtp 2.5.0).
/// </summary>
public sealed class SrtpPolicyLayoutTests
{
    [Fact]
    public void Srtp_policy_t_matches_the_c_layout()
    {
        Assert.Equal(8, nint.Size);
        Assert.Equal(24, Marshal.SizeOf<SrtpCryptoPolicy>());
        Assert.Equal(128, Marshal.SizeOf<SrtpPolicy>());
        Assert.Equal(0, Offset("Ssrc"));
        Assert.Equal(8, Offset("Rtp"));
        Assert.Equal(32, Offset("Rtcp"));
        Assert.Equal(56, Offset("Key"));
        Assert.Equal(64, Offset("Keys"));
        Assert.Equal(72, Offset("NumMasterKeys"));
        Assert.Equal(80, Offset("DeprecatedEkt"));
        Assert.Equal(88, Offset("WindowSize"));
        Assert.Equal(96, Offset("AllowRepeatTx"));
        Assert.Equal(104, Offset("EncryptedExtensionHeaders"));
        Assert.Equal(112, Offset("EncryptedExtensionHeaderCount"));
        Assert.Equal(120, Offset("Next"));
    }

    private static int Offset(string field) => (int)Marshal.OffsetOf<SrtpPolicy>(field);
}
