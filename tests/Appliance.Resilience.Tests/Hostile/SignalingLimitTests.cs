using System.Net.WebSockets;
using System.Text;
using Appliance.Hosting;
using Appliance.Resilience.Tests.Support;
using Appliance.Testing;
using Xunit.Abstractions;

namespace Appliance.Resilience.Tests.Hostile;

/// <summary>
/// Issue #8 part 4, signaling: floods, oversized and malformed messages, thousands of
/// connections from one address. Each is refused with a counter in /metrics, and the box keeps
/// answering well-behaved clients.
/// </summary>
public sealed class SignalingLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ConnectionsPerAddress = 20;
    private RunningAppliance _box = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _box = await RunningAppliance.StartAsync(
            "--Limits:SignalingMessagesPerSecond=5", "--Limits:SignalingMessageBurst=10",
            $"--Limits:SignalingConnectionsPerAddress={ConnectionsPerAddress}", "--Appliance:MaxSignalingMessageBytes=4096");
        _http = _box.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _box.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_flooding_messages_is_told_and_closed_and_others_are_still_served()
    {
        var before = await SignalingClient.RefusedAsync(_http, "signaling-flood");
        using var flooder = await _box.ConnectSignalingAsync();
        for (var i = 0; i < 200 && flooder.State == WebSocketState.Open; i++)
        {
            try
            {
                await SignalingClient.SendAsync(flooder, """{"type":"hello"}""");
            }
            catch (WebSocketException)
            {
                break; // the box closed it under us
            }
        }

        var welcomes = 0;
        string? refusal = null;
        while (await SignalingClient.ReceiveAsync(flooder) is { } message)
        {
            using (message)
            {
                if (SignalingClient.Type(message) == "welcome")
                    welcomes++;
                else
                    refusal = message.RootElement.GetProperty("code").GetString();
            }
        }
        Assert.Equal("too-many-messages", refusal);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, flooder.CloseStatus);
        Assert.InRange(welcomes, 10, 199); // the burst was answered, the flood was not
        Assert.True(await SignalingClient.RefusedAsync(_http, "signaling-flood") > before);

        using var polite = await _box.ConnectSignalingAsync();
        await SignalingClient.SendAsync(polite, """{"type":"hello"}""");
        using var welcome = await SignalingClient.ReceiveAsync(polite);
        Assert.Equal("welcome", SignalingClient.Type(welcome!));
    }

    [Fact]
    public async Task Thousands_of_connections_from_one_address_get_only_the_limit_and_the_rest_are_refused()
    {
        const int Attempts = 1000;
        var before = await SignalingClient.RefusedAsync(_http, "signaling-connections-per-address");
        var open = new List<ClientWebSocket>();
        var refused = 0;
        try
        {
            for (var i = 0; i < Attempts; i++)
            {
                try
                {
                    open.Add(await _box.ConnectSignalingAsync());
                }
                catch (WebSocketException e) when (e.Message.Contains("429", StringComparison.Ordinal))
                {
                    refused++;
                }
            }
            output.WriteLine($"{Attempts} connections tried from 127.0.0.1: {open.Count} open, {refused} refused with 429");
            Assert.Equal(ConnectionsPerAddress, open.Count);
            Assert.Equal(Attempts - ConnectionsPerAddress, refused);
            Assert.Equal(before + refused, await SignalingClient.RefusedAsync(_http, "signaling-connections-per-address"));

            // The ones let in work.
            await SignalingClient.SendAsync(open[^1], """{"type":"hello"}""");
            using var welcome = await SignalingClient.ReceiveAsync(open[^1]);
            Assert.Equal("welcome", SignalingClient.Type(welcome!));
        }
        finally
        {
            foreach (var socket in open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                socket.Dispose();
            }
        }

        // Closed connections give their places back.
        using var again = await ConnectWhenPlaceFreeAsync();
        await SignalingClient.SendAsync(again, """{"type":"hello"}""");
        using var answer = await SignalingClient.ReceiveAsync(again);
        Assert.Equal("welcome", SignalingClient.Type(answer!));
    }

    [Fact]
    public async Task Oversized_and_malformed_messages_are_counted_in_metrics()
    {
        var tooLarge = await SignalingClient.RefusedAsync(_http, "signaling-too-large");
        var malformed = await SignalingClient.RefusedAsync(_http, "signaling-malformed");

        using (var socket = await _box.ConnectSignalingAsync())
        {
            await SignalingClient.SendAsync(socket, "{\"type\":");
            using var error = await SignalingClient.ReceiveAsync(socket);
            Assert.Equal("malformed-json", error!.RootElement.GetProperty("code").GetString());
            await socket.SendAsync(Encoding.UTF8.GetBytes(new string('x', 100_000)), WebSocketMessageType.Text, true, CancellationToken.None);
            using var tooBig = await SignalingClient.ReceiveAsync(socket);
            Assert.Equal("message-too-large", tooBig!.RootElement.GetProperty("code").GetString());
        }

        Assert.True(await SignalingClient.RefusedAsync(_http, "signaling-too-large") > tooLarge);
        Assert.True(await SignalingClient.RefusedAsync(_http, "signaling-malformed") > malformed);
    }

    [Theory]
    [InlineData("--Limits:SignalingMessagesPerSecond=0", "Limits:SignalingMessagesPerSecond")]
    [InlineData("--Limits:SignalingMessageBurst=2", "Limits:SignalingMessageBurst")]
    [InlineData("--Limits:SignalingConnectionsPerAddress=-1", "Limits:SignalingConnectionsPerAddress")]
    [InlineData("--Limits:RefusalLogIntervalSeconds=abc", "Limits:RefusalLogIntervalSeconds")]
    [InlineData("--Limits:SignalingMesagesPerSecond=5", "SignalingMesagesPerSecond")]
    public void A_bad_limit_stops_start_up_with_a_sentence_naming_the_setting(string argument, string setting)
    {
        var (builder, errors) = ApplianceHost.CreateBuilder([argument]);

        Assert.Null(builder);
        Assert.Contains(errors, e => e.Contains(setting, StringComparison.Ordinal));
    }

    /// <summary>The server releases a place when it sees the close; wait for that, with a deadline.</summary>
    private async Task<ClientWebSocket> ConnectWhenPlaceFreeAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await _box.ConnectSignalingAsync();
            }
            catch (WebSocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
