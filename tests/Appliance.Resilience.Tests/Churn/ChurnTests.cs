using System.Text.RegularExpressions;
using Appliance.Media.PayloadFormats;
using Appliance.Net.Stun;
using Appliance.WebRtc;
using Appliance.WebRtc.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Appliance.Resilience.Tests.Churn;

/// <summary>Churn reads process-wide figures (RSS, open files, the shared frame pool): nothing else runs beside it.</summary>
[CollectionDefinition(nameof(ChurnCollection), DisableParallelization = true)]
public sealed class ChurnCollection;

/// <summary>
/// Issue #8 part 3: 1,000 participants come and go through the box's one UDP port over real
/// loopback UDP: clean leaves, clients that vanish after connecting (consent expires),
/// half-finished ICE (an offer, never a check) and half-finished DTLS (a check and a
/// ClientHello, then silence). Afterwards nothing is left: no ICE session, no live timer, no
/// rented frame, no extra open file, and RSS within 10 % of where it was after warm-up.
/// </summary>
[Collection(nameof(ChurnCollection))]
public sealed class ChurnTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Descriptors the process may gain over the measured cycles without any participant leaking one.</summary>
    private const int OpenFilesSlack = 16;

    private const int Cycles = 1000;
    /// <summary>
    /// Cycles before the baseline: RSS grows for the first few hundred (JIT tiering, native allocator
    /// arenas of OpenSSL and libsrtp; measured: +12 % by cycle 400, then flat) while the managed heap
    /// stays flat from the start.
    /// </summary>
    private const int WarmUp = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly CountingClock _clock = new();
    private MediaPort _port = null!;

    public Task InitializeAsync()
    {
        _port = new MediaPort(new MediaPortOptions { UdpPort = 0, AnnouncedAddresses = ["127.0.0.1"], ConsentTimeoutSeconds = 30 },
            _clock, NullLoggerFactory.Instance);
        _port.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _port.DisposeAsync();

    [Fact]
    public async Task A_thousand_joins_and_leaves_of_every_kind_leave_nothing_behind()
    {
        var timersAtStart = _clock.LiveTimers;
        var closedByKind = new int[4];
        long rssAfterWarmUp = 0, filesAfterWarmUp = 0, managedAfterWarmUp = 0;
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            var kind = cycle % 4;
            await RunCycleAsync(kind);
            closedByKind[kind]++;
            if ((cycle + 1) % 100 == 0)
            {
                Collect();
                output.WriteLine($"after {cycle + 1}: RSS {Rss() / 1024} KiB, managed {GC.GetTotalMemory(false) / 1024} KiB");
            }
            if (cycle + 1 == WarmUp)
            {
                Collect();
                (rssAfterWarmUp, filesAfterWarmUp, managedAfterWarmUp) = (Rss(), OpenFiles(), GC.GetTotalMemory(false));
            }
        }

        Collect();
        var (rss, files) = (Rss(), OpenFiles());
        output.WriteLine($"{Cycles} cycles (clean {closedByKind[0]}, vanished {closedByKind[1]}, half ICE {closedByKind[2]}, half DTLS {closedByKind[3]}); " +
            $"ICE sessions {_port.Agent.SessionCount}, live timers {_clock.LiveTimers - timersAtStart}, rented frames {EncodedFramePool.Shared.Outstanding}, " +
            $"open files {filesAfterWarmUp} -> {files}, RSS {rssAfterWarmUp / 1024} -> {rss / 1024} KiB ({100.0 * (rss - rssAfterWarmUp) / rssAfterWarmUp:+0.0;-0.0} %)");

        Assert.Equal(0, _port.Agent.SessionCount);
        Assert.Equal(0, _clock.LiveTimers - timersAtStart);
        Assert.Equal(0, EncodedFramePool.Shared.Outstanding);
        // Process-wide descriptors also move with the runtime's own lazily opened files (seen +3 once in CI);
        // a participant that leaked one socket or handle would add 700 over the measured cycles.
        Assert.InRange(files, 0, filesAfterWarmUp + OpenFilesSlack);
        Assert.InRange(rss, 0, rssAfterWarmUp * 110 / 100);
        Assert.InRange(GC.GetTotalMemory(false), 0, managedAfterWarmUp * 110 / 100 + 1024 * 1024);
    }

    /// <summary>One participant's life, of one kind; returns once its peer connection has closed.</summary>
    private async Task RunCycleAsync(int kind)
    {
        await using var client = new TestPeer(_port.LocalPort);
        var peer = _port.CreatePeerConnection("churn");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Closed += _ => closed.TrySetResult();
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Connected += _ => connected.TrySetResult();
        var (answer, error) = peer.ApplyOffer(client.Offer());
        Assert.Null(error);

        if (kind == 2)
        {
            // Half-finished ICE: the offer, then nothing. The DTLS handshake the answer started times out.
            await AdvanceUntilClosedAsync(closed.Task);
            return;
        }
        client.SendCheck(Attribute(answer!, "ice-ufrag"), Attribute(answer!, "ice-pwd"), peer.Session!.RemoteIceUfrag);
        Assert.True(client.StunResponses.TryTake(out var response, Patience), "no answer to the ICE check");
        Assert.True(StunMessage.TryParse(response, out _));
        if (kind == 3)
        {
            // Half-finished DTLS: the ClientHello goes out, the client is gone before the handshake ends.
            _ = client.StartDtls(_port.Certificate.Fingerprint);
            await client.DisposeAsync();
            await AdvanceUntilClosedAsync(closed.Task);
            return;
        }
        var handshake = await client.StartDtls(_port.Certificate.Fingerprint).WaitAsync(Patience);
        Assert.True(handshake.IsSuccess, handshake.ToString());
        await connected.Task.WaitAsync(Patience);
        // Some media into the pooled receive path (a one-packet IDR, RFC 6184 5.6, that the jitter buffer
        // holds, so closing must give its frame back), then an Opus packet, whose arrival shows both were read.
        var video = peer.Session.Main("video")!;
        var audio = peer.Session.Main("audio")!;
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.AudioPacketReceived += (_, _, _) => heard.TrySetResult();
        client.SendRtp((byte)video.Codec!.PayloadType, video.RemoteSsrc ?? 2222, 1, 3000, [0x65, 0x88, 0x84, 0x00, 0x33], marker: true);
        client.SendRtp((byte)audio.Codec!.PayloadType, audio.RemoteSsrc ?? 1111, 1, 960, [0xF8, 0xFF, 0xFE]);
        await heard.Task.WaitAsync(Patience);

        if (kind == 0)
        {
            peer.Close("left the meeting"); // a clean leave
        }
        else
        {
            // Vanished: no leave, no more checks. Consent (RFC 7675) expires after 30 s.
            await client.DisposeAsync();
            await AdvanceUntilClosedAsync(closed.Task);
        }
        await closed.Task.WaitAsync(Patience);
        peer.Dispose();
    }

    /// <summary>
    /// Moves the fake clock ten seconds at a time until the box closes the peer (DTLS handshake timeout
    /// 20 s, consent 30 s). The handshake's timer is made on the DTLS task, which may not have run yet,
    /// so one single step could come before the timer exists.
    /// </summary>
    private async Task AdvanceUntilClosedAsync(Task closed)
    {
        for (var step = 0; step < 12 && !closed.IsCompleted; step++)
        {
            _clock.Fake.Advance(TimeSpan.FromSeconds(10));
            await Task.WhenAny(closed, Task.Delay(5));
        }
        await closed.WaitAsync(Patience);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long Rss() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;

    private static long OpenFiles() => Directory.GetFiles("/proc/self/fd").Length;

    private static string Attribute(string sdp, string name) => Regex.Match(sdp, $"a={name}:(\\S+)").Groups[1].Value;
}
