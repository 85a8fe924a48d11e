using Appliance.Conference;

namespace Appliance.Admin.Live;

/// <summary>The live view (API.md, "Admin: live"): participants, encoders, system state, the mix's thumbnail, kick.</summary>
public static class LiveEndpoints
{
    public sealed record LiveView(IReadOnlyList<LiveMeeting.ParticipantRow> Participants, IReadOnlyList<LiveMeeting.EncoderRow> Encoders,
        SystemState.Snapshot System);

    public static void MapLive(RouteGroupBuilder admin)
    {
        admin.MapGet("/live", (LiveMeeting live, SystemState system) =>
            Results.Json(new LiveView(live.Participants(), live.Encoders(), system.Read()), AdminJson.Options));

        admin.MapGet("/live/mix.png", (MeetingRoom meeting) =>
        {
            var rgb = new byte[MixThumbnail.Width * MixThumbnail.Height * 3];
            if (meeting.Count == 0 || !meeting.Thumbnail.CopyTo(rgb))
                return ApiError.Of(StatusCodes.Status404NotFound, "no-meeting", "Nobody is in the meeting, so there is no picture to show.");
            return Results.Bytes(PngWriter.Encode(rgb, MixThumbnail.Width, MixThumbnail.Height), "image/png");
        });

        admin.MapPost("/participants/{id}/kick", async (string id, LiveMeeting live) =>
            await live.KickAsync(id) ? Results.NoContent() : UnknownParticipant());

        admin.MapPost("/participants/{id}/mute", (string id, LiveMeeting live) =>
            live.Mute(id) ? Results.NoContent() : UnknownParticipant());
    }

    private static IResult UnknownParticipant() =>
        ApiError.Of(StatusCodes.Status404NotFound, "unknown-participant", "That participant is no longer in the meeting. Refresh the list.");
}
