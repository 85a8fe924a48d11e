using Appliance.Admin;
using Appliance.Admin.Account;
using Appliance.WebUi;
using Microsoft.Extensions.Options;

namespace Appliance.Rooms;

/// <summary>
/// What the room's screen (web-ui/display.html) shows (API.md): <c>GET /api/display</c> gives the
/// room's name, the box's address, the room code, the join URL and, only while nobody has claimed
/// the box, the one-time setup code; <c>GET /display/qr.svg</c> is that join URL as a QR code.
/// </summary>
public static class DisplayEndpoint
{
    public sealed record DisplayState(
        string RoomName,
        string Address,
        string JoinUrl,
        string? RoomCode,
        RoomCodePolicy CodePolicy,
        DateTimeOffset? CodeExpiresAt,
        bool Claimed,
        string? SetupCode);

    public static IServiceCollection AddDisplay(this IServiceCollection services) =>
        services.AddSingleton<JoinAddress>().AddSingleton<JoinQrCode>();

    public static void MapDisplay(this WebApplication app)
    {
        app.MapGet("/api/display", (HttpRequest request, RoomCodes codes, IOptionsMonitor<RoomOptions> room, AdminAccount account,
            JoinAddress joinAddress) =>
        {
            var address = joinAddress.For(request);
            var code = codes.Current;
            var setupCode = account.SetupCode;
            return Results.Json(new DisplayState(room.CurrentValue.Name, address, JoinAddress.JoinUrl(address, code), code,
                codes.Policy, codes.ExpiresAt, setupCode is null, setupCode), AdminJson.Options);
        });
        app.MapGet("/display/qr.svg", (HttpContext context, JoinAddress joinAddress, RoomCodes codes, JoinQrCode qr) =>
        {
            var url = JoinAddress.JoinUrl(joinAddress.For(context.Request), codes.Current);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(qr.Svg(url), "image/svg+xml; charset=utf-8");
        });
    }
}
