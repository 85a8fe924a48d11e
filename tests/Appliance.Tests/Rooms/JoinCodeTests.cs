using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Appliance.Testing;

namespace Appliance.Tests.Rooms;

/// <summary>The join handler checks the room code on the server, before any offer is accepted.</summary>
public sealed class JoinCodeTests : IAsyncLifetime
{
    private RunningAppliance _box = null!;

    public async Task InitializeAsync() => _box = await RunningAppliance.StartAsync();
    public async Task DisposeAsync() => await _box.DisposeAsync();

    [Fact]
    public async Task A_wrong_code_is_unknown_room_and_guessing_is_stopped_with_a_time_to_wait()
    {
        using var socket = await _box.ConnectSignalingAsync();
        for (var i = 0; i < 10; i++)
        {
            using var error = await JoinAsync(socket, $"guess-{i}");
            Assert.Equal("unknown-room", error.RootElement.GetProperty("code").GetString());
        }

        using var locked = await JoinAsync(socket, "meeting");
        Assert.Equal("too-many-attempts", locked.RootElement.GetProperty("code").GetString());
        Assert.Equal(120, locked.RootElement.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Contains("Wait 2 minutes", locked.RootElement.GetProperty("message").GetString());

        // No offer is taken from a page that has not joined.
        using var offer = await SendAsync(socket, """{"type":"offer","sdp":"v=0"}""");
        Assert.Equal("not-joined", offer.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_right_code_joins()
    {
        using var socket = await _box.ConnectSignalingAsync();
        using var joined = await JoinAsync(socket, "Meeting");
        Assert.Equal("joined", joined.RootElement.GetProperty("type").GetString());
    }

    private static Task<JsonDocument> JoinAsync(ClientWebSocket socket, string code) =>
        SendAsync(socket, JsonSerializer.Serialize(new { type = "join", room = code, name = "Tester" }));

    private static async Task<JsonDocument> SendAsync(ClientWebSocket socket, string message)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            var reply = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            // A roster may come in between; the answer to this message is what the test wants.
            if (reply.RootElement.GetProperty("type").GetString() is "error" or "joined")
                return reply;
            reply.Dispose();
        }
    }
}
