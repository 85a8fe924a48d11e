using System.Text.RegularExpressions;
using Appliance.Media.PayloadFormats;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.WebRtc.Tests;

/// <summary>
/// A screen share renegotiated into a running connection (a second, sendonly video m= section): the box answers it
/// recvonly and tells its packets from the camera's, which use the same payload type under BUNDLE, by the SSRC the
/// section announced or else by the RTP mid header extension; stopping the share (port 0) ends it.
/// </summary>
public sealed partial class ScreenShareTests : IAsyncLifetime
{
    private const uint ScreenSsrc = 111111111;
    private const uint ScreenRtxSsrc = 222222222;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private MediaPort _port = null!;

    public Task InitializeAsync()
    {
        _port = new MediaPort(new MediaPortOptions { UdpPort = 0, AnnouncedAddresses = ["127.0.0.1"] }, TimeProvider.System, NullLoggerFactory.Instance);
        _port.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _port.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Camera_and_screen_frames_are_told_apart_and_the_share_ends_with_its_section(bool screenSsrcAnnounced)
    {
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("sharer");
        var camera = new List<byte[]>();
        var screen = new List<byte[]>();
        var gotBoth = new TaskCompletionSource();
        peer.VideoFrameReceived += (_, frame) => Collect(camera, frame);
        peer.ScreenFrameReceived += (_, frame) => Collect(screen, frame);
        await PeerConnectionTests.ConnectAsync(client, peer, _port);

        var shareOffer = ShareOffer(client.Offer(), screenSsrcAnnounced);
        var (answer, error) = peer.ApplyOffer(shareOffer);
        Assert.Null(error);
        Assert.True(peer.HasScreenSection);
        var sections = Regex.Split(answer!, "(?=m=)");
        Assert.Equal(4, sections.Length); // session part + 3 m= sections
        Assert.Contains("a=mid:2", sections[3]);
        Assert.Contains("a=recvonly", sections[3]);

        var video = peer.Session!.Main("video")!;
        var pt = (byte)video.Codec!.PayloadType;
        var midId = video.HeaderExtensions.Mid!.Value;
        // One key frame each, an SPS and an IDR slice in single NAL unit packets (RFC 6184 5.6), same payload type;
        // the camera's packets carry mid 1, the screen's mid 2.
        client.SendRtp(pt, video.RemoteSsrc!.Value, 1, 3000, [0x67, 0x42, 0xCA], mid: (midId, "1"));
        client.SendRtp(pt, video.RemoteSsrc!.Value, 2, 3000, [0x65, 0xCA, 0xCA, 0xCA], marker: true, mid: (midId, "1"));
        client.SendRtp(pt, ScreenSsrc, 1, 3000, [0x67, 0x42, 0x5C], mid: (midId, "2"));
        client.SendRtp(pt, ScreenSsrc, 2, 3000, [0x65, 0x5C, 0x5C, 0x5C], marker: true, mid: (midId, "2"));
        await WaitAsync(() => camera.Count > 0 && screen.Count > 0, () => $"camera {camera.Count}, screen {screen.Count}, unknown {peer.UnknownStreamPackets}");
        Assert.Contains((byte)0xCA, camera[0]);
        Assert.DoesNotContain((byte)0x5C, camera[0]);
        Assert.Contains((byte)0x5C, screen[0]);
        Assert.Equal(ScreenSsrc, peer.ScreenReceiver!.Statistics.Ssrc);

        // The share stops: the browser's next offer disables the section (port 0); later screen packets are foreign.
        var stopped = Regex.Replace(shareOffer, @"m=video 9 (?<rest>[^\r\n]*)(?<tail>(?:(?!m=)[\s\S])*a=mid:2)", "m=video 0 ${rest}${tail}");
        (answer, error) = peer.ApplyOffer(stopped);
        Assert.Null(error);
        Assert.False(peer.HasScreenSection);
        Assert.Null(peer.ScreenReceiver);
        var unknownBefore = peer.UnknownStreamPackets;
        client.SendRtp(pt, ScreenSsrc, 3, 6000, [0x65, 0x5C], marker: true, mid: (midId, "2"));
        client.SendRtp(pt, video.RemoteSsrc!.Value, 3, 6000, [0x65, 0xCA, 0xCA], marker: true);
        await WaitAsync(() => camera.Count > 1, () => $"camera {camera.Count}");
        await WaitAsync(() => peer.UnknownStreamPackets > unknownBefore, () => $"unknown {peer.UnknownStreamPackets}");
        Assert.Single(screen);
    }

    private static void Collect(List<byte[]> frames, EncodedFrame frame)
    {
        lock (frames)
            frames.Add(frame.Data.ToArray());
    }

    private static async Task WaitAsync(Func<bool> condition, Func<string> state)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
                throw new TimeoutException(state());
            await Task.Delay(10); // polling the receive thread's counters; no event exists for "frame delivered"
        }
    }

    /// <summary>
    /// Chromium's renegotiated offer after addTransceiver(screenTrack, {direction: 'sendonly'}): the camera's video
    /// section repeated with mid 2, sendonly, its own track and SSRCs (or, as a browser may, none), and in the BUNDLE group.
    /// </summary>
    private static string ShareOffer(string initial, bool announceSsrcs)
    {
        var start = initial.IndexOf("m=video", StringComparison.Ordinal);
        var section = initial[start..]
            .Replace("a=mid:1", "a=mid:2")
            .Replace("a=sendrecv", "a=sendonly")
            .Replace("402777902", ScreenSsrc.ToString())
            .Replace("3567297616", ScreenRtxSsrc.ToString())
            .Replace("59220094-5960-449b-83cb-ab8364c386c9", "5c2ee45c-0000-4000-8000-000000000002");
        if (!announceSsrcs)
            section = SsrcLines().Replace(section, "");
        return initial.Replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2") + section;
    }

    [GeneratedRegex(@"a=ssrc(-group)?:[^\r\n]*\r?\n")]
    private static partial Regex SsrcLines();
}
