using System.Net;
using Appliance.Admin;
using Appliance.Admin.Account;
using Appliance.Certificates;
using Appliance.Hosting;
using Microsoft.Extensions.Options;

namespace Appliance.Rooms;

/// <summary>
/// GET /api/display: what the room's screen shows (API.md): the room's name, the box's
/// address, the room code and the join URL its QR code encodes, and, only while nobody has
/// claimed the box, the one-time setup code.
/// </summary>
public static class DisplayEndpoint
{
    public sealed record DisplayState(
        string RoomName,
        string Address,
        IReadOnlyList<string> Addresses,
        string JoinUrl,
        string? RoomCode,
        RoomCodePolicy CodePolicy,
        DateTimeOffset? CodeExpiresAt,
        bool Claimed,
        string? SetupCode);

    public static void MapDisplayState(this WebApplication app)
    {
        app.MapGet("/api/display", (RoomCodes codes, IOptionsMonitor<RoomOptions> room, AdminAccount account,
            IHostIdentitySource identity, IOptionsMonitor<ApplianceOptions> options) =>
        {
            var addresses = StartupBanner.Urls(identity.Current(), options.CurrentValue).ToList();
            var address = addresses.FirstOrDefault(IsIPv4) ?? addresses[0];
            var code = codes.Current;
            var joinUrl = code is null ? address : $"{address}?code={Uri.EscapeDataString(code)}";
            var setupCode = account.SetupCode;
            return Results.Json(new DisplayState(room.CurrentValue.Name, address, addresses, joinUrl, code,
                codes.Policy, codes.ExpiresAt, setupCode is null, setupCode), AdminJson.Options);
        });
    }

    private static bool IsIPv4(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host, out var ip)
        && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(ip);
}
