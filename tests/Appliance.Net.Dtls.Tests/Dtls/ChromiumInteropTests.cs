using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;
using Xunit.Abstractions;

namespace Appliance.Net.Dtls.Tests.Dtls;

/// <summary>
/// The box's DTLS server and SRTP against headless Chromium (Debian's chromium):
/// Chrome is strict about the server's CertificateRequest (DESIGN.md section 8), so this
/// checks that the handshake completes with a real browser and that the exported keys
/// decrypt the audio it sends. The test answers the browser's offer with an ICE-lite
/// answer on one loopback UDP port and a minimal STUN responder.
/// </summary>
public sealed partial class ChromiumInteropTests(ITestOutputHelper output) : IDisposable
{
    private const string IceUfrag = "boxufrag";
    private const string IcePassword = "boxpasswordboxpassword0123";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _profileDirectory = Directory.CreateTempSubdirectory("dtls-chromium-").FullName;

    private const string Page = """
        <!doctype html>
        <script>
        (async () => {
          const pc = new RTCPeerConnection();
          const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
          stream.getTracks().forEach(track => pc.addTrack(track, stream));
          await pc.setLocalDescription(await pc.createOffer());
          const answer = await fetch('/offer', { method: 'POST', body: pc.localDescription.sdp });
          await pc.setRemoteDescription({ type: 'answer', sdp: await answer.text() });
        })().catch(e => fetch('/error', { method: 'POST', body: String(e) }));
        </script>
        """;

    [Fact]
    public async Task Chromium_completes_the_handshake_with_our_server_and_its_srtp_audio_decrypts()
    {
        DtlsCertificate certificate = DtlsCertificate.Generate();
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int mediaPort = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
        var offerReceived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var opusDecrypted = new TaskCompletionSource<uint>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        using HttpListener http = StartSignalling(certificate, mediaPort, offerReceived, out string pageUrl);
        using Process chromium = StartChromium(pageUrl);

        string offer = await offerReceived.Task.WaitAsync(Patience);
        Assert.True(DtlsFingerprint.TryParse(FingerprintLine().Match(offer).Groups[1].Value, out DtlsFingerprint? browserFingerprint));

        IPEndPoint? browser = null;
        using var dtls = new DtlsTransport(
            certificate,
            new DtlsTransportOptions { Role = DtlsRole.Server, RemoteFingerprint = browserFingerprint! },
            datagram =>
            {
                if (Volatile.Read(ref browser) is { } to)
                {
                    socket.Client.SendTo(datagram, SocketFlags.None, to);
                }
            },
            new TestOutputLogger<DtlsTransport>(output, "box"));
        Task<DtlsHandshakeResult> handshake = dtls.StartAsync();
        SrtpSessionPair? srtp = null;

        // One port, demultiplexed by the first byte (RFC 7983).
        Task receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                UdpReceiveResult datagram;
                try
                {
                    datagram = await socket.ReceiveAsync(stop.Token);
                }
                catch (SocketException)
                {
                    continue; // ICMP unreachable from an earlier send
                }

                byte first = datagram.Buffer[0];
                if (first <= 3 && StunBindingResponse.TryCreate(datagram.Buffer, datagram.RemoteEndPoint, IcePassword, out byte[] response))
                {
                    Volatile.Write(ref browser, datagram.RemoteEndPoint);
                    await socket.SendAsync(response, datagram.RemoteEndPoint, stop.Token);
                }
                else if (first is >= 20 and <= 63)
                {
                    dtls.TryReceiveDatagram(datagram.Buffer);
                }
                else if (first is >= 128 and <= 191 && Volatile.Read(ref srtp) is { } sessions
                    && datagram.Buffer[1] is not (>= 192 and <= 223)
                    && sessions.Inbound.UnprotectRtp(datagram.Buffer, out int length) == SrtpStatus.Ok
                    && length > 12 && (datagram.Buffer[1] & 0x7F) == 111)
                {
                    opusDecrypted.TrySetResult(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(datagram.Buffer.AsSpan(8)));
                }
            }
        });

        try
        {
            DtlsHandshakeResult result = await handshake.WaitAsync(Patience);
            Assert.True(result.IsSuccess, result.ToString());
            Assert.Equal(SrtpProtectionProfile.AeadAes128Gcm, result.Keys!.Profile);
            Volatile.Write(ref srtp, result.Keys.CreateSrtpSessions());

            uint ssrc = await opusDecrypted.Task.WaitAsync(Patience);
            Assert.Contains($"a=ssrc:{ssrc} ", offer);
        }
        finally
        {
            dtls.Dispose(); // close_notify goes out before the socket closes
            stop.Cancel();
            socket.Dispose();
            await Task.WhenAny(receiving);
            srtp?.Dispose();
            chromium.Kill(entireProcessTree: true);
            chromium.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_profileDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile while it exits.
        }
    }

    [GeneratedRegex(@"a=fingerprint:(sha-256 [0-9A-F:]+)")]
    private static partial Regex FingerprintLine();

    [GeneratedRegex(@"a=mid:(\S+)")]
    private static partial Regex MidLine();

    private static string Answer(string offer, DtlsCertificate certificate, int port)
    {
        string mid = MidLine().Match(offer).Groups[1].Value;
        return string.Join("\r\n",
            "v=0",
            "o=- 1 1 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=ice-lite",
            $"a=group:BUNDLE {mid}",
            $"m=audio {port} UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 127.0.0.1",
            $"a=mid:{mid}",
            $"a=ice-ufrag:{IceUfrag}",
            $"a=ice-pwd:{IcePassword}",
            "a=fingerprint:" + certificate.Fingerprint.ToSdpValue(),
            "a=setup:passive",
            "a=recvonly",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            $"a=candidate:1 1 udp 2130706431 127.0.0.1 {port} typ host",
            "a=end-of-candidates",
            string.Empty);
    }

    private HttpListener StartSignalling(DtlsCertificate certificate, int mediaPort, TaskCompletionSource<string> offerReceived, out string pageUrl)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        pageUrl = $"http://127.0.0.1:{port}/";
        var http = new HttpListener();
        http.Prefixes.Add(pageUrl);
        http.Start();
        _ = Task.Run(async () =>
        {
            while (http.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await http.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                string body = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
                string reply = Page;
                switch (context.Request.Url!.AbsolutePath)
                {
                    case "/offer":
                        Log("offer:\n" + body);
                        offerReceived.TrySetResult(body);
                        reply = Answer(body, certificate, mediaPort);
                        break;
                    case "/error":
                        Log("page error: " + body);
                        offerReceived.TrySetException(new InvalidOperationException("The page failed: " + body));
                        break;
                }

                byte[] bytes = Encoding.UTF8.GetBytes(reply);
                context.Response.ContentType = context.Request.Url.AbsolutePath == "/" ? "text/html" : "text/plain";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        return http;
    }

    private Process StartChromium(string url)
    {
        var info = new ProcessStartInfo("/usr/bin/chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection",
            "--user-data-dir=" + _profileDirectory, url,
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Log("[chromium] " + e.Data);
        process.ErrorDataReceived += (_, e) => Log("[chromium] " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished.
        }
    }
}
