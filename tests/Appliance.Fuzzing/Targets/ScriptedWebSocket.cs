using System.Net.WebSockets;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// A WebSocket that delivers a fixed list of text messages, then a close, and throws away what
/// the box sends: the network seam of the signaling target, without Kestrel in the loop.
/// </summary>
public sealed class ScriptedWebSocket(IReadOnlyList<byte[]> messages) : WebSocket
{
    private int _next;
    private WebSocketState _state = WebSocketState.Open;

    public long BytesSent { get; private set; }
    public override WebSocketCloseStatus? CloseStatus { get; } = null;
    public override string? CloseStatusDescription => null;
    public override WebSocketState State => _state;
    public override string? SubProtocol => null;

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        if (_next >= messages.Count)
        {
            _state = WebSocketState.CloseReceived;
            return Task.FromResult(new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.NormalClosure, "bye"));
        }
        var message = messages[_next++];
        var length = Math.Min(message.Length, buffer.Count);
        message.AsSpan(0, length).CopyTo(buffer);
        if (length < message.Length)
        {
            // The rest arrives as the next frame of the same message.
            _next--;
            messages = [.. messages.Take(_next), message[length..], .. messages.Skip(_next + 1)];
            return Task.FromResult(new WebSocketReceiveResult(length, WebSocketMessageType.Text, false));
        }
        return Task.FromResult(new WebSocketReceiveResult(length, WebSocketMessageType.Text, true));
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        BytesSent += buffer.Count;
        return Task.CompletedTask;
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        _state = WebSocketState.Closed;
        return Task.CompletedTask;
    }

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort() => _state = WebSocketState.Aborted;

    public override void Dispose() => _state = WebSocketState.Closed;
}
