using System.Reflection;
using System.Text.Json;

namespace Appliance.Signaling;

/// <summary>
/// "hello" opens the conversation: the client says which protocol version it speaks,
/// the box answers "welcome" with its own version and the connection's id.
/// </summary>
public sealed class HelloHandler : ISignalingHandler
{
    public const int ProtocolVersion = 1;

    private static readonly string Version =
        typeof(HelloHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public string Type => "hello";

    public Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (message.TryGetProperty("protocol", out var protocol)
            && (protocol.ValueKind != JsonValueKind.Number || !protocol.TryGetInt32(out var version) || version != ProtocolVersion))
        {
            return connection.SendErrorAsync(SignalingErrors.InvalidMessage,
                $"This box speaks signaling protocol {ProtocolVersion}. Reload the page to get the matching version.", cancellationToken);
        }
        return connection.SendAsync(new WelcomeMessage("room-appliance", Version, ProtocolVersion, connection.Id), cancellationToken);
    }
}
