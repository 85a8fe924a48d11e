using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Appliance.Resilience.Tests.Support;

/// <summary>Sending and receiving signaling messages over a client WebSocket.</summary>
internal static class SignalingClient
{
    public static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message, or null when the box closed the connection.</summary>
    public static async Task<JsonDocument?> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            length += result.Count;
            if (result.EndOfMessage)
                return JsonDocument.Parse(buffer.AsMemory(0, length));
        }
    }

    public static string Type(JsonDocument message) => message.RootElement.GetProperty("type").GetString()!;

    /// <summary>The value of appliance_refused_total for one kind in the box's /metrics text.</summary>
    public static async Task<double> RefusedAsync(HttpClient client, string kind)
    {
        var text = await client.GetStringAsync("/metrics");
        var prefix = $"appliance_refused_total{{kind=\"{kind}\"}} ";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
