using System.Text.Json;
using Appliance.Signaling;

namespace Appliance.Conference;

/// <summary>
/// "offer" {sdp}: the page's SDP offer, first or a renegotiation (a screen share added).
/// The box answers with "answer" {sdp}, or an error that says what to do.
/// </summary>
public sealed class OfferHandler(ParticipantDirectory participants, ILogger<OfferHandler> logger) : ISignalingHandler
{
    public string Type => "offer";

    public Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (!participants.TryGet(connection, out var participant))
            return connection.SendErrorAsync("not-joined", "Join a room before sending an offer.", cancellationToken);
        if (!message.TryGetProperty("sdp", out var sdp) || sdp.ValueKind != JsonValueKind.String)
            return connection.SendErrorAsync(SignalingErrors.InvalidMessage, "An offer needs an \"sdp\" string.", cancellationToken);

        var (answer, error) = participant.Peer.ApplyOffer(sdp.GetString()!);
        if (answer is null)
        {
            logger.LogWarning("Offer of participant {Id} refused: {Reason}", participant.Id, error);
            return connection.SendErrorAsync("offer-rejected", error ?? "The box could not answer the browser's offer.", cancellationToken);
        }
        return connection.SendAsync(new AnswerMessage(answer), cancellationToken);
    }
}

/// <summary>"leave": the page leaves the room; its connection to the box is closed.</summary>
public sealed class LeaveHandler(ParticipantDirectory participants) : ISignalingHandler
{
    public string Type => "leave";

    public Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (participants.TryGet(connection, out var participant))
        {
            participant.TryTellDisconnected("You left the meeting.", "left");
            participants.Leave(connection, "the participant left");
            return Task.CompletedTask;
        }
        return connection.SendAsync(new DisconnectedMessage("You left the meeting.", "left"), cancellationToken);
    }
}
