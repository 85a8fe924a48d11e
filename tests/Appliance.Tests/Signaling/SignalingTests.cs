using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Appliance.Testing;

namespace Appliance.Tests.Signaling;

public sealed class SignalingTests : IAsyncLifetime
{
    private RunningAppliance _box = null!;

    public async Task InitializeAsync() => _box = await RunningAppliance.StartAsync("--Appliance:MaxSignalingMessageBytes=4096");
    public async Task DisposeAsync() => await _box.DisposeAsync();

    [Fact]
    public async Task Hello_is_answered_with_welcome()
    {
        using var socket = await _box.ConnectSignalingAsync();

        using var reply = await SendAndReceiveAsync(socket, """{"type":"hello","protocol":1}""");

        Assert.Equal("welcome", reply.RootElement.GetProperty("type").GetString());
        Assert.Equal(1, reply.RootElement.GetProperty("protocol").GetInt32());
        Assert.False(string.IsNullOrEmpty(reply.RootElement.GetProperty("connectionId").GetString()));
    }

    [Theory]
    [InlineData("{\"type\":", "malformed-json")]
    [InlineData("not json at all", "malformed-json")]
    [InlineData("[1,2,3]", "missing-type")]
    [InlineData("{\"kind\":\"hello\"}", "missing-type")]
    [InlineData("{\"type\":42}", "missing-type")]
    [InlineData("{\"type\":\"teleport\"}", "unknown-type")]
    [InlineData("{\"type\":\"hello\",\"protocol\":99}", "invalid-message")]
    public async Task A_bad_message_gets_an_error_and_the_connection_stays_usable(string message, string code)
    {
        using var socket = await _box.ConnectSignalingAsync();

        using var error = await SendAndReceiveAsync(socket, message);
        Assert.Equal("error", error.RootElement.GetProperty("type").GetString());
        Assert.Equal(code, error.RootElement.GetProperty("code").GetString());
        Assert.EndsWith(".", error.RootElement.GetProperty("message").GetString());

        using var welcome = await SendAndReceiveAsync(socket, """{"type":"hello"}""");
        Assert.Equal("welcome", welcome.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_binary_message_gets_an_error_and_the_connection_stays_usable()
    {
        using var socket = await _box.ConnectSignalingAsync();

        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        using var error = await ReceiveAsync(socket);

        Assert.Equal("binary-not-accepted", error!.RootElement.GetProperty("code").GetString());
        using var welcome = await SendAndReceiveAsync(socket, """{"type":"hello"}""");
        Assert.Equal("welcome", welcome.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_oversized_message_is_answered_and_the_connection_closed_cleanly()
    {
        using var socket = await _box.ConnectSignalingAsync();
        var huge = "{\"type\":\"hello\",\"padding\":\"" + new string('x', 10_000) + "\"}";

        await socket.SendAsync(Encoding.UTF8.GetBytes(huge), WebSocketMessageType.Text, true, CancellationToken.None);
        using var error = await ReceiveAsync(socket);
        var closed = await ReceiveAsync(socket);

        Assert.Equal("message-too-large", error!.RootElement.GetProperty("code").GetString());
        Assert.Null(closed);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task A_message_in_many_frames_within_the_limit_is_accepted()
    {
        using var socket = await _box.ConnectSignalingAsync();
        var bytes = Encoding.UTF8.GetBytes("""{"type":"hello","protocol":1}""");

        for (var i = 0; i < bytes.Length; i += 5)
            await socket.SendAsync(bytes.AsMemory(i, Math.Min(5, bytes.Length - i)), WebSocketMessageType.Text, i + 5 >= bytes.Length, CancellationToken.None);
        using var reply = await ReceiveAsync(socket);

        Assert.Equal("welcome", reply!.RootElement.GetProperty("type").GetString());
    }

    public static async Task<JsonDocument> SendAndReceiveAsync(ClientWebSocket socket, string message)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
        return await ReceiveAsync(socket) ?? throw new InvalidOperationException("The box closed the connection.");
    }

    /// <summary>The next message, or null when the box closed the connection.</summary>
    public static async Task<JsonDocument?> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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
}
