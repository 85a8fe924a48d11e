// The packet path of the box on one core: a participant's SRTP packet is unprotected,
// parsed as RTP, re-addressed (new SSRC, sequence number, timestamp), protected again and
// sent on the shared UDP socket. Printed next to the floor: bare libsrtp unprotect +
// protect of the same packets, with no parsing and no send. Allocated bytes are per packet
// in the steady state (goal: 0).
//
//   dotnet run -c Release --project tests/Benchmarks/PacketPath.Bench [-- packets]
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Appliance.Net.Rtp;
using Appliance.Net.Srtp;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;

var packets = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300_000;
const int payloadLength = 1000;
var profile = SrtpProtectionProfile.AeadAes128Gcm;
byte[] Key(byte seed, int length) => Enumerable.Range(0, length).Select(i => (byte)(seed + i)).ToArray();
var (key, salt) = (profile.MasterKeyLength(), profile.MasterSaltLength());

// The browser's side protects; the box unprotects with the browser's keys and protects with its own.
using var browser = SrtpSessionPair.Create(profile, Key(1, key), Key(2, salt), Key(3, key), Key(4, salt));
using var box = SrtpSessionPair.Create(profile, Key(3, key), Key(4, salt), Key(1, key), Key(2, salt));

// Pre-protect every input packet once, so the measured loop is the box's work only.
var input = new byte[packets][];
var plain = new byte[1500];
for (var i = 0; i < packets; i++)
{
    var writer = new RtpPacketWriter(plain);
    writer.TryWriteHeader(i % 30 == 29, 96, (ushort)i, (uint)(i / 10 * 3000), 0x1234_5678);
    writer.TryAddExtension(1, "0"u8);
    writer.TryComplete(payloadLength);
    browser.Outbound.ProtectRtp(plain, writer.Length, out var length);
    input[i] = plain.AsSpan(0, length).ToArray();
}

using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
var sinkAddress = sink.LocalEndPoint!.Serialize();
await using var udp = new UdpTransport(new UdpTransportOptions { Port = 0, BindAddress = IPAddress.Loopback }, NullLogger<UdpTransport>.Instance);

var buffer = new byte[2048];
Console.WriteLine($"{packets} packets of {payloadLength} payload bytes, {profile}, one thread");
Console.WriteLine($"{"run",-44} {"packets/s",12} {"µs/packet",10} {"bytes allocated/packet",24}");

// The floor: bare libsrtp on the same packets (a second pass needs fresh sessions: replay protection).
Measure("floor: libsrtp unprotect + protect only", (floorIn, floorOut) =>
{
    for (var i = 0; i < packets; i++)
    {
        input[i].CopyTo(buffer, 0);
        floorIn.UnprotectRtp(buffer.AsSpan(0, input[i].Length), out var length);
        floorOut.ProtectRtp(buffer, length, out _);
    }
});

Measure("box: unprotect + parse + rewrite + protect + send", (inbound, outbound) =>
{
    ushort sequence = 1000;
    for (var i = 0; i < packets; i++)
    {
        input[i].CopyTo(buffer, 0);
        if (inbound.UnprotectRtp(buffer.AsSpan(0, input[i].Length), out var length) != SrtpStatus.Ok)
            throw new InvalidOperationException("unprotect failed");
        if (!RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet))
            throw new InvalidOperationException("parse failed");
        packet.Ssrc = 0x0BAD_CAFE;
        packet.SequenceNumber = sequence++;
        packet.Timestamp += 90_000;
        outbound.ProtectRtp(buffer, length, out var protectedLength);
        udp.TrySend(buffer.AsSpan(0, protectedLength), sinkAddress);
    }
});

void Measure(string name, Action<SrtpSession, SrtpSession> run)
{
    // Warm-up pass (JIT, libsrtp stream creation), then the measured pass with fresh sessions.
    for (var pass = 0; pass < 2; pass++)
    {
        using var inbound = SrtpSessionPair.Create(profile, Key(3, key), Key(4, salt), Key(1, key), Key(2, salt));
        using var outbound = SrtpSessionPair.Create(profile, Key(5, key), Key(6, salt), Key(7, key), Key(8, salt));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        run(inbound.Inbound, outbound.Outbound);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (pass == 1)
            Console.WriteLine($"{name,-44} {packets / clock.Elapsed.TotalSeconds,12:N0} {clock.Elapsed.TotalMicroseconds / packets,10:F2} {(double)allocated / packets,24:F3}");
    }
}
