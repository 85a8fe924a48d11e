namespace Appliance.Net.Srtp;

/// <summary>Which way an <see cref="SrtpSession"/> works.</summary>
public enum SrtpDirection
{
    /// <summary>Protects packets we send (libsrtp <c>ssrc_any_outbound</c>).</summary>
    Outbound,

    /// <summary>Unprotects packets we receive (libsrtp <c>ssrc_any_inbound</c>).</summary>
    Inbound,
}
