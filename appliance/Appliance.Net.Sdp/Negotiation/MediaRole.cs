namespace Appliance.Net.Sdp.Negotiation;

/// <summary>What an m= section is for, as the box decided when answering.</summary>
public enum MediaRole
{
    /// <summary>The participant's microphone or camera: the box receives it and sends the mix/composite back.</summary>
    Main,

    /// <summary>A further video section (a screen share): the box only receives it.</summary>
    Additional,

    /// <summary>Refused with port 0 (no usable codec, data channel, not bundled, or refused by the offerer).</summary>
    Rejected,
}
