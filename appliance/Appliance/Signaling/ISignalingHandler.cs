using System.Text.Json;

namespace Appliance.Signaling;

/// <summary>Handles one type of signaling message ("hello", "join", "answer", …).</summary>
public interface ISignalingHandler
{
    /// <summary>The message's "type" value this handler takes.</summary>
    string Type { get; }

    Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken);
}
