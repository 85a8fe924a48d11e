using System.Net.WebSockets;
using System.Text.Json;
using Appliance.Conference;
using Appliance.Testing;
using Appliance.Tests.Signaling;

namespace Appliance.Tests.Conference;

/// <summary>
/// The meeting's signaling (PROTOCOL.md) without media: the roster on join and leave, the display role (no roster
/// entry, not counted, capped), mute and share changes in the roster, and every mistake answered with a sentence.
/// </summary>
public sealed class MeetingSignalingTests : IAsyncLifetime
{
    private RunningAppliance _box = null!;

    public async Task InitializeAsync() => _box = await RunningAppliance.StartAsync("--Meeting:MaxDisplays=1");
    public async Task DisposeAsync() => await _box.DisposeAsync();

    private MeetingRoom Room => _box.App.Services.GetRequiredService<MeetingRoom>();

    private async Task<(ClientWebSocket Socket, string Id)> JoinAsync(string name, string role = "participant")
    {
        var socket = await _box.ConnectSignalingAsync();
        (await SignalingTests.SendAndReceiveAsync(socket, """{"type":"hello","protocol":1}""")).Dispose();
        await SendAsync(socket, $$"""{"type":"join","room":"meeting","name":"{{name}}","role":"{{role}}"}""");
        using var joined = await NextAsync(socket, "joined");
        return (socket, joined.RootElement.GetProperty("participantId").GetString()!);
    }

    /// <summary>The next message of <paramref name="type"/> (rosters and others may come first).</summary>
    private static async Task<JsonDocument> NextAsync(ClientWebSocket socket, string type, Func<JsonElement, bool>? where = null)
    {
        while (true)
        {
            var message = await SignalingTests.ReceiveAsync(socket) ?? throw new InvalidOperationException($"closed before a {type}");
            if (message.RootElement.GetProperty("type").GetString() == type && (where?.Invoke(message.RootElement) ?? true))
                return message;
            message.Dispose();
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static string[] Names(JsonElement roster) =>
        [.. roster.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Everyone_gets_the_roster_on_join_and_leave_and_a_display_is_not_in_it()
    {
        var (alice, aliceId) = await JoinAsync("Alice");
        var (tv, _) = await JoinAsync("Room TV", "display");
        var (bob, _) = await JoinAsync("Bob");

        using (var seenByAlice = await NextAsync(alice, "roster", r => Names(r).Length == 2))
        {
            Assert.Equal(["Alice", "Bob"], Names(seenByAlice.RootElement));
            Assert.Equal("grid", seenByAlice.RootElement.GetProperty("layout").GetString());
            var entry = seenByAlice.RootElement.GetProperty("participants")[0];
            Assert.Equal(aliceId, entry.GetProperty("id").GetString());
            Assert.False(entry.GetProperty("micMuted").GetBoolean());
        }
        using (var seenByTv = await NextAsync(tv, "roster", r => Names(r).Length == 2))
            Assert.DoesNotContain("Room TV", Names(seenByTv.RootElement));
        Assert.Equal(2, Room.Count);
        Assert.Equal(1, Room.DisplayCount);
        Assert.Contains(Room.Snapshot(), s => s.Role == "display" && s.Name == "Room TV");

        await SendAsync(bob, """{"type":"leave"}""");
        using (var left = await NextAsync(bob, "disconnected"))
            Assert.Equal("left", left.RootElement.GetProperty("code").GetString());
        using (var after = await NextAsync(alice, "roster", r => Names(r).Length == 1))
            Assert.Equal(["Alice"], Names(after.RootElement));
    }

    [Fact]
    public async Task Displays_are_capped_and_the_extra_one_is_told_why()
    {
        var (_, _) = await JoinAsync("TV 1", "display");
        using var second = await _box.ConnectSignalingAsync();
        (await SignalingTests.SendAndReceiveAsync(second, """{"type":"hello"}""")).Dispose();
        using var refused = await SignalingTests.SendAndReceiveAsync(second, """{"type":"join","room":"meeting","name":"TV 2","role":"display"}""");
        Assert.Equal("room-full", refused.RootElement.GetProperty("code").GetString());
        Assert.Contains("displays", refused.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Mute_camera_off_and_the_admins_mute_show_in_the_roster()
    {
        var (alice, aliceId) = await JoinAsync("Alice");
        await SendAsync(alice, """{"type":"mute","audio":true,"video":true}""");
        using (var roster = await NextAsync(alice, "roster", r => r.GetProperty("participants")[0].GetProperty("cameraOff").GetBoolean()))
            Assert.True(roster.RootElement.GetProperty("participants")[0].GetProperty("micMuted").GetBoolean());
        Assert.True(Room.Snapshot().Single().CameraOff);

        await SendAsync(alice, """{"type":"mute","audio":false}""");
        using (await NextAsync(alice, "roster", r => !r.GetProperty("participants")[0].GetProperty("micMuted").GetBoolean())) { }
        Room.ForceMute(aliceId);
        using (await NextAsync(alice, "roster", r => r.GetProperty("participants")[0].GetProperty("micMuted").GetBoolean())) { }
        Assert.True(Room.Snapshot().Single().MicMuted);
    }

    [Fact]
    public async Task Sharing_switches_the_roster_to_the_presenter_layout_and_a_second_sharer_is_refused()
    {
        var (alice, aliceId) = await JoinAsync("Alice");
        var (bob, _) = await JoinAsync("Bob");
        await SendAsync(alice, """{"type":"share","active":true}""");
        using (var roster = await NextAsync(bob, "roster", r => r.GetProperty("layout").GetString() == "presenter"))
            Assert.Equal(aliceId, roster.RootElement.GetProperty("presenterId").GetString());

        await SendAsync(bob, """{"type":"share","active":true}""");
        using (var refused = await NextAsync(bob, "error"))
        {
            Assert.Equal("share-refused", refused.RootElement.GetProperty("code").GetString());
            Assert.Contains("Alice is sharing", refused.RootElement.GetProperty("message").GetString());
        }

        // The sharer leaves: back to the default layout.
        alice.Abort();
        using (var back = await NextAsync(bob, "roster", r => r.GetProperty("layout").GetString() == "grid"))
            Assert.False(back.RootElement.TryGetProperty("presenterId", out _));
    }

    [Theory]
    [InlineData("""{"type":"mute"}""", "invalid-message")]
    [InlineData("""{"type":"mute","audio":"yes"}""", "invalid-message")]
    [InlineData("""{"type":"share"}""", "invalid-message")]
    [InlineData("""{"type":"share","active":1}""", "invalid-message")]
    public async Task A_malformed_control_message_gets_an_error_sentence(string message, string code)
    {
        var (alice, _) = await JoinAsync("Alice");
        await SendAsync(alice, message);
        using var error = await NextAsync(alice, "error");
        Assert.Equal(code, error.RootElement.GetProperty("code").GetString());
        Assert.EndsWith(".", error.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Controls_before_joining_are_refused()
    {
        using var socket = await _box.ConnectSignalingAsync();
        using var error = await SignalingTests.SendAndReceiveAsync(socket, """{"type":"mute","audio":true}""");
        Assert.Equal("not-joined", error.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        using var socket = await _box.ConnectSignalingAsync();
        using var error = await SignalingTests.SendAndReceiveAsync(socket, """{"type":"join","room":"meeting","name":"X","role":"admin"}""");
        Assert.Equal("invalid-message", error.RootElement.GetProperty("code").GetString());
    }
}
