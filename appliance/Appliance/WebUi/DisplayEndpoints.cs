using Appliance.Conference;

namespace Appliance.WebUi;

/// <summary>
/// What the room display (web-ui/display.html) reads: <c>GET /display/info</c> (room name, the
/// box's address, the current room code and the join URL) and <c>GET /display/qr.svg</c>, the
/// join URL with the current code as a QR code.
/// </summary>
public static class DisplayEndpoints
{
    /// <summary>The room's name until the admin console names it.</summary>
    public const string DefaultRoomName = "Meeting room";

    public static IServiceCollection AddDisplay(this IServiceCollection services) =>
        services.AddSingleton<JoinAddress>().AddSingleton<JoinQrCode>();

    public static WebApplication MapDisplay(this WebApplication app)
    {
        app.MapGet("/display/info", (HttpRequest request, JoinAddress address, MeetingRoom meeting, IConfiguration configuration) =>
        {
            var boxAddress = address.For(request);
            var roomName = configuration[$"{MeetingOptions.SectionName}:RoomName"] is { Length: > 0 } name ? name : DefaultRoomName;
            return TypedResults.Json(new DisplayInfo(roomName, boxAddress, meeting.Code, JoinAddress.JoinUrl(boxAddress, meeting.Code)));
        });
        app.MapGet("/display/qr.svg", (HttpContext context, JoinAddress address, MeetingRoom meeting, JoinQrCode qr) =>
        {
            var url = JoinAddress.JoinUrl(address.For(context.Request), meeting.Code);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(qr.Svg(url), "image/svg+xml; charset=utf-8");
        });
        return app;
    }
}

/// <summary>The body of <c>GET /display/info</c>.</summary>
public sealed record DisplayInfo(string RoomName, string Address, string RoomCode, string JoinUrl);
