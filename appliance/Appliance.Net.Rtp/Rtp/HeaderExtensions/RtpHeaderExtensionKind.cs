namespace Appliance.Net.Rtp;

/// <summary>The header extensions this stack understands.</summary>
public enum RtpHeaderExtensionKind
{
    /// <summary>Not negotiated or not understood.</summary>
    None = 0,

    /// <summary><see cref="SdesMidExtension"/>.</summary>
    SdesMid,

    /// <summary><see cref="AbsSendTimeExtension"/>.</summary>
    AbsSendTime,

    /// <summary><see cref="TransportSequenceNumberExtension"/>.</summary>
    TransportSequenceNumber,

    /// <summary><see cref="AudioLevelExtension"/>.</summary>
    AudioLevel,
}
