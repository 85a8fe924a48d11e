using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Appliance.LoadTool.Signaling;

/// <summary>
/// The page's side of the box's signaling WebSocket (wss://box/ws): hello → welcome, join → joined, offer → answer,
/// as web-ui/signaling.js and peer.js do. Messages the tool does not wait for (roster updates, "connected") are
/// skipped; an "error" from the box ends the wait with its sentence.
/// </summary>
public sealed class SignalingClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _incoming = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiveLoop = Task.CompletedTask;

    /// <summary>Raised (on the receive loop) for a "disconnected" message: the box ended the participant's connection.</summary>
    public event Action<string>? Disconnected;

    public static async Task<SignalingClient> ConnectAsync(Uri boxBase, BoxCertificate certificate, CancellationToken cancellationToken)
    {
        var client = new SignalingClient();
        client._socket.Options.RemoteCertificateValidationCallback = certificate.Validate;
        var uri = new UriBuilder(boxBase) { Scheme = "wss", Path = "/ws" }.Uri;
        await client._socket.ConnectAsync(uri, cancellationToken);
        client._receiveLoop = Task.Run(client.ReceiveLoop, CancellationToken.None);
        await client.SendAsync(new { type = "hello", protocol = 1 }, cancellationToken);
        await client.WaitForAsync("welcome", cancellationToken);
        return client;
    }

    /// <summary>Joins the room; returns the participant id the box gave.</summary>
    public async Task<string> JoinAsync(string room, string name, CancellationToken cancellationToken)
    {
        await SendAsync(new { type = "join", room, name }, cancellationToken);
        JsonElement joined = await WaitForAsync("joined", cancellationToken);
        return joined.GetProperty("participantId").GetString() ?? "";
    }

    /// <summary>Sends the offer; returns the box's answer SDP.</summary>
    public async Task<string> OfferAsync(string sdp, CancellationToken cancellationToken)
    {
        await SendAsync(new { type = "offer", sdp }, cancellationToken);
        JsonElement answer = await WaitForAsync("answer", cancellationToken);
        return answer.GetProperty("sdp").GetString() ?? "";
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (_socket.State == WebSocketState.Open)
            await SendAsync(new { type = "leave" }, cancellationToken);
    }

    private Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private async Task<JsonElement> WaitForAsync(string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonElement message;
            try
            {
                message = await _incoming.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException($"the box closed the signaling connection while the tool waited for \"{type}\"");
            }
            string? received = message.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (received == type)
                return message;
            if (received == "error")
                throw new InvalidOperationException($"the box answered with an error while the tool waited for \"{type}\": {message.GetProperty("message").GetString()}");
        }
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage && length < buffer.Length);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
                JsonElement message = document.RootElement.Clone();
                if (message.TryGetProperty("type", out var type) && type.GetString() == "disconnected")
                    Disconnected?.Invoke(message.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "");
                _incoming.Writer.TryWrite(message);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or JsonException)
        {
        }
        finally
        {
            _incoming.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
        }
        await _receiveLoop;
        _socket.Dispose();
        _stop.Dispose();
    }
}
