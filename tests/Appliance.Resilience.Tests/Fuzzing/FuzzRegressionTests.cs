using System.Net.WebSockets;
using Appliance.Fuzzing.Targets;
using Appliance.Resilience.Tests.Support;
using Appliance.Signaling;
using Appliance.Testing;
using Appliance.WebRtc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Resilience.Tests.Fuzzing;

/// <summary>Crashes the fuzzers found (tests/Corpora/*/regressions), each replayed where it crashed.</summary>
public sealed class FuzzRegressionTests
{
    private static string Corpus(params string[] path) => Path.Combine([AppContext.BaseDirectory, "Corpora", .. path]);

    /// <summary>
    /// signaling/regressions/invalid-utf8-in-name.json: a join whose name holds bytes that are not
    /// UTF-8. JsonDocument accepted it and the join handler's GetString() threw out of the
    /// connection. Now: an error, and the connection goes on.
    /// </summary>
    [Fact]
    public async Task A_signaling_message_that_is_not_utf8_gets_an_error_and_the_next_message_is_answered()
    {
        var input = File.ReadAllBytes(Corpus("signaling", "regressions", "invalid-utf8-in-name.json"));
        var socket = new RecordingSocket([input, """{"type":"hello"}"""u8.ToArray()]);
        var connection = new SignalingConnection(socket, new Dictionary<string, ISignalingHandler> { ["hello"] = new HelloHandler() },
            65536, "198.18.0.9", NullLogger.Instance);

        await connection.RunAsync(CancellationToken.None);

        Assert.Equal(2, socket.Sent.Count);
        Assert.Contains("\"code\":\"malformed-json\"", socket.Sent[0]);
        Assert.Contains("\"type\":\"welcome\"", socket.Sent[1]);
    }

    /// <summary>Through Kestrel the WebSocket layer already fails such a connection (RFC 6455 8.1); the box goes on serving.</summary>
    [Fact]
    public async Task Through_the_running_box_a_non_utf8_message_ends_only_its_own_connection()
    {
        await using var box = await RunningAppliance.StartAsync();
        using (var socket = await box.ConnectSignalingAsync())
        {
            await socket.SendAsync(File.ReadAllBytes(Corpus("signaling", "regressions", "invalid-utf8-in-name.json")),
                WebSocketMessageType.Text, true, CancellationToken.None);
            try
            {
                using var reply = await SignalingClient.ReceiveAsync(socket);
                Assert.True(reply is null || reply.RootElement.GetProperty("code").GetString() == "malformed-json");
            }
            catch (WebSocketException)
            {
                // failed by the WebSocket layer: fine
            }
        }
        using var next = await box.ConnectSignalingAsync();
        await SignalingClient.SendAsync(next, """{"type":"hello"}""");
        using var welcome = await SignalingClient.ReceiveAsync(next);
        Assert.Equal("welcome", SignalingClient.Type(welcome!));
    }

    /// <summary>
    /// sdp/regressions: an offer whose a=fingerprint is a 31-byte "sha-256" digest, or sha-1 only.
    /// The answer was built and the DTLS transport's constructor threw. Now: an error sentence.
    /// </summary>
    [Theory]
    [InlineData("short-sha256-fingerprint.sdp")]
    [InlineData("sha1-fingerprint.sdp")]
    public async Task An_offer_with_a_fingerprint_the_box_cannot_check_is_refused_with_a_sentence(string file)
    {
        await using var port = new MediaPort(new MediaPortOptions { UdpPort = 0, AnnouncedAddresses = ["127.0.0.1"] },
            TimeProvider.System, NullLoggerFactory.Instance);
        using var peer = port.CreatePeerConnection("regression");

        var (answer, error) = peer.ApplyOffer(File.ReadAllText(Corpus("sdp", "regressions", file)));

        Assert.Null(answer);
        Assert.Contains("SHA-256", error);
    }

    private sealed class RecordingSocket(IReadOnlyList<byte[]> messages) : WebSocket
    {
        private readonly ScriptedWebSocket _script = new(messages);
        public List<string> Sent { get; } = [];
        public override WebSocketCloseStatus? CloseStatus => _script.CloseStatus;
        public override string? CloseStatusDescription => null;
        public override WebSocketState State => _script.State;
        public override string? SubProtocol => null;
        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
            _script.ReceiveAsync(buffer, cancellationToken);
        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            Sent.Add(System.Text.Encoding.UTF8.GetString(buffer));
            return Task.CompletedTask;
        }
        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            _script.CloseAsync(closeStatus, statusDescription, cancellationToken);
        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            _script.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);
        public override void Abort() => _script.Abort();
        public override void Dispose() => _script.Dispose();
    }
}
