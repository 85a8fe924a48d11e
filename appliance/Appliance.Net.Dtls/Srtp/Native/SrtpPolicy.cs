using System.Runtime.InteropServices;

namespace Appliance.Net.Srtp.Native;

// The public ABI of libsrtp 2.x, mirrored field for field from <srtp2/srtp.h>
// (2.5.0, Debian 12). It is stable within the 2.x series. On LP64 (x86-64, arm64)
// srtp_policy_t is 128 bytes; tests pin the offsets so a mismatch fails loudly.

/// <summary><c>srtp_ssrc_type_t</c>.</summary>
internal enum SrtpSsrcType
{
    Undefined = 0,
    Specific = 1,
    AnyInbound = 2,
    AnyOutbound = 3,
}

/// <summary><c>typedef struct { srtp_ssrc_type_t type; unsigned int value; } srtp_ssrc_t;</c></summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SrtpSsrc
{
    public SrtpSsrcType Type;
    public uint Value;
}

/// <summary>
/// <c>srtp_crypto_policy_t</c>: cipher_type, cipher_key_len, auth_type, auth_key_len,
/// auth_tag_len, sec_serv. Filled by libsrtp's srtp_crypto_policy_set_* functions.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SrtpCryptoPolicy
{
    public uint CipherType;
    public int CipherKeyLength;
    public uint AuthType;
    public int AuthKeyLength;
    public int AuthTagLength;
    public int SecurityServices;
}

/// <summary>
/// <c>srtp_policy_t</c>:
/// <code>
/// srtp_ssrc_t ssrc; srtp_crypto_policy_t rtp; srtp_crypto_policy_t rtcp;
/// unsigned char *key; srtp_master_key_t **keys; unsigned long num_master_keys;
/// void *deprecated_ekt; unsigned long window_size; int allow_repeat_tx;
/// int *enc_xtn_hdr; int enc_xtn_hdr_count; struct srtp_policy_t *next;
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SrtpPolicy
{
    public SrtpSsrc Ssrc;
    public SrtpCryptoPolicy Rtp;
    public SrtpCryptoPolicy Rtcp;
    public byte* Key;
    public nint Keys;
    public CULong NumMasterKeys;
    public nint DeprecatedEkt;
    public CULong WindowSize;
    public int AllowRepeatTx;
    public int* EncryptedExtensionHeaders;
    public int EncryptedExtensionHeaderCount;
    public SrtpPolicy* Next;
}
