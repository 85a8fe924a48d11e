using System.Net.WebSockets;
using System.Text.Json;
using Appliance.Testing;
using Appliance.Tests.Signaling;

namespace Appliance.Tests.Conference;

/// <summary>
/// Demo participants (--demo N) are in the meeting like anyone else: the roster names them, and their
/// tones make them speakers.
/// </summary>
public sealed class DemoRosterTests : IAsyncLifetime
{
    private RunningAppliance _box = null!;

    public async Task InitializeAsync() => _box = await RunningAppliance.StartAsync("--demo", "2");
    public async Task DisposeAsync() => await _box.DisposeAsync();

    [Fact]
    public async Task The_roster_names_the_demo_participants_and_shows_them_speaking()
    {
        using var socket = await _box.ConnectSignalingAsync();
        (await SignalingTests.SendAndReceiveAsync(socket, """{"type":"hello","protocol":1}""")).Dispose();
        await socket.SendAsync("""{"type":"join","room":"meeting","name":"Alice"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);

        using var roster = await NextRosterAsync(socket, r => Entries(r).Count(e => e.GetProperty("speaking").GetBoolean()) == 2);
        var names = Entries(roster.RootElement).Select(e => e.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Alice", "Demo 1", "Demo 2"], names);
        Assert.All(Entries(roster.RootElement).Where(e => e.GetProperty("name").GetString()!.StartsWith("Demo", StringComparison.Ordinal)),
            e => Assert.True(e.GetProperty("speaking").GetBoolean()));
    }

    private static IEnumerable<JsonElement> Entries(JsonElement roster) => roster.GetProperty("participants").EnumerateArray();

    private static async Task<JsonDocument> NextRosterAsync(ClientWebSocket socket, Func<JsonElement, bool> where)
    {
        while (true)
        {
            var message = await SignalingTests.ReceiveAsync(socket) ?? throw new InvalidOperationException("closed before the roster");
            if (message.RootElement.GetProperty("type").GetString() == "roster" && where(message.RootElement))
                return message;
            message.Dispose();
        }
    }
}
