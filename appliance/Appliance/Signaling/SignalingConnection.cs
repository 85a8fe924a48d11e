using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Prometheus;

namespace Appliance.Signaling;

/// <summary>
/// One browser's signaling WebSocket. It reads whole text messages up to a size limit,
/// parses each as a JSON object with a "type", hands it to the matching handler and
/// answers every mistake with an error message instead of dropping the connection.
/// A message over the limit is answered and the connection closed with 1009.
/// </summary>
public sealed class SignalingConnection
{
    private static readonly Counter Messages = Metrics.CreateCounter(
        "appliance_signaling_messages_total", "Signaling messages received, by outcome.", "outcome");

    private readonly WebSocket _socket;
    private readonly IReadOnlyDictionary<string, ISignalingHandler> _handlers;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly MessageRateLimiter? _rateLimiter;
    private readonly Action? _onFlood;

    /// <param name="rateLimiter">the connection's messages-per-second limit; a connection over it is closed (1008)</param>
    /// <param name="onFlood">counts a connection closed for flooding</param>
    public SignalingConnection(WebSocket socket, IReadOnlyDictionary<string, ISignalingHandler> handlers,
        int maxMessageBytes, string remote, ILogger logger, MessageRateLimiter? rateLimiter = null, Action? onFlood = null)
    {
        _socket = socket;
        _handlers = handlers;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _rateLimiter = rateLimiter;
        _onFlood = onFlood;
        Remote = remote;
    }

    /// <summary>Messages received so far with this outcome (handled, malformed, too-large, …), over all connections.</summary>
    public static long OutcomeCount(string outcome) => (long)Messages.WithLabels(outcome).Value;

    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];
    public string Remote { get; }

    /// <summary>Raised once when the connection ends, for whoever holds state for it (a participant).</summary>
    public event Action<SignalingConnection>? Closed;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_maxMessageBytes);
        try
        {
            while (_socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
            {
                var (length, type, tooLarge) = await ReceiveMessageAsync(buffer, cancellationToken);
                if (type == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                    break;
                }
                if (_rateLimiter is not null && !_rateLimiter.TryAcquire())
                {
                    Messages.WithLabels("flood").Inc();
                    _onFlood?.Invoke();
                    await SendErrorAsync(SignalingErrors.TooManyMessages,
                        "The page sent more messages than the box accepts; reload the page to join again.", cancellationToken);
                    await _socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too many messages", cancellationToken);
                    break;
                }
                if (tooLarge)
                {
                    Messages.WithLabels("too-large").Inc();
                    await SendErrorAsync(SignalingErrors.TooLarge,
                        $"The message is larger than {_maxMessageBytes} bytes. Reload the page and try again.", cancellationToken);
                    await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too large", cancellationToken);
                    break;
                }
                if (type == WebSocketMessageType.Binary)
                {
                    Messages.WithLabels("binary").Inc();
                    await SendErrorAsync(SignalingErrors.BinaryNotAccepted, "Send signaling messages as JSON text.", cancellationToken);
                    continue;
                }
                await DispatchAsync(buffer.AsMemory(0, length), cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _logger.LogDebug("Signaling connection {Id} from {Remote} ended: {Reason}", Id, Remote, e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Closed?.Invoke(this);
        }
    }

    private async Task<(int Length, WebSocketMessageType Type, bool TooLarge)> ReceiveMessageAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _maxMessageBytes)
                return (length, WebSocketMessageType.Text, true);
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length, _maxMessageBytes - length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return (0, WebSocketMessageType.Close, false);
            length += result.Count;
            if (result.EndOfMessage)
                return (length, result.MessageType, false);
        }
    }

    private async Task DispatchAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            Messages.WithLabels("malformed").Inc();
            await SendErrorAsync(SignalingErrors.MalformedJson,
                $"The message is not valid JSON ({e.Message}). Send one JSON object per message.", cancellationToken);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                Messages.WithLabels("missing-type").Inc();
                await SendErrorAsync(SignalingErrors.MissingType,
                    "Every message must be a JSON object with a \"type\" string, such as {\"type\":\"hello\"}.", cancellationToken);
                return;
            }
            var type = typeElement.GetString()!;
            if (!_handlers.TryGetValue(type, out var handler))
            {
                Messages.WithLabels("unknown-type").Inc();
                await SendErrorAsync(SignalingErrors.UnknownType,
                    $"The box does not know the message type \"{Truncate(type)}\".", cancellationToken);
                return;
            }
            Messages.WithLabels("handled").Inc();
            await handler.HandleAsync(this, root, cancellationToken);
        }
    }

    /// <summary>Sends one JSON message; safe to call from several tasks.</summary>
    public async Task SendAsync<T>(T message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, SignalingJson.Options);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendErrorAsync(string code, string message, CancellationToken cancellationToken) =>
        SendAsync(new ErrorMessage(code, message), cancellationToken);

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
