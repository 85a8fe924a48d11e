namespace Appliance.Hosting;

/// <summary>
/// The box's own settings: the "Appliance" section of appsettings.json,
/// /etc/appliance/appsettings.json and APPLIANCE-style environment variables
/// (<c>Appliance__HttpsPort=443</c>).
/// </summary>
public sealed class ApplianceOptions
{
    public const string SectionName = "Appliance";

    /// <summary>Folder for the box's state (certificate, settings). Empty: $STATE_DIRECTORY under systemd, else ./.appliance-state.</summary>
    public string StateDirectory { get; set; } = "";

    /// <summary>HTTPS port of the web UI, signaling and admin API. 443 when packaged, 8443 in development.</summary>
    public int HttpsPort { get; set; } = 8443;

    /// <summary>Plain HTTP port that only redirects to HTTPS. 0 turns it off.</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>Address to listen on: "*" for every interface (IPv4 and IPv6), or one IP address such as 127.0.0.1.</summary>
    public string ListenAddress { get; set; } = "*";

    /// <summary>Folder with the static web UI. Empty: the web-ui folder shipped beside the program.</summary>
    public string WebUiPath { get; set; } = "";

    /// <summary>Largest signaling message accepted, in bytes.</summary>
    public int MaxSignalingMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Refuse clients whose address is not private (loopback, RFC 1918, RFC 4193, link-local).</summary>
    public bool LanOnly { get; set; } = true;

    /// <summary>Days before the certificate's expiry at which the box issues a new one.</summary>
    public int CertificateRenewDays { get; set; } = 30;
}
