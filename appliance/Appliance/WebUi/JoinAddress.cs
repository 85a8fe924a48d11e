using System.Net;
using System.Net.Sockets;
using Appliance.Certificates;
using Appliance.Hosting;
using Microsoft.Extensions.Options;

namespace Appliance.WebUi;

/// <summary>
/// The address a phone in the room uses to reach the box, as the room display shows it and
/// its QR code encodes it. A display browser that reached the box by a LAN name or address
/// passes that on; one on the box itself (a kiosk on localhost) would pass on an address no
/// phone can use, so the box's own listen address or first LAN address is taken instead.
/// </summary>
public sealed class JoinAddress(IHostIdentitySource identity, IOptions<ApplianceOptions> options)
{
    /// <summary>"https://host[:port]" without a trailing slash.</summary>
    public string For(HttpRequest request)
    {
        var o = options.Value;
        var port = o.HttpsPort == 443 ? "" : ":" + o.HttpsPort;
        var requested = request.Host.Host;
        if (requested.Length > 0 && !IsLoopback(requested))
            return $"https://{request.Host.Value}";
        if (o.ListenAddress != "*" && IPAddress.TryParse(o.ListenAddress, out var listen))
            return $"https://{Format(listen)}{port}";
        var current = identity.Current();
        var lan = current.Addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? current.Addresses.FirstOrDefault();
        return lan is null ? $"https://{current.HostName}.local{port}" : $"https://{Format(lan)}{port}";
    }

    /// <summary>The join page's URL with the room code filled in (no code: the bare page).</summary>
    public static string JoinUrl(string address, string? roomCode) =>
        string.IsNullOrEmpty(roomCode) ? address + "/" : $"{address}/?code={Uri.EscapeDataString(roomCode)}";

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string Format(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
