using System.Text;
using Appliance.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Appliance.Signaling;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// Signaling JSON from a browser, through the real <see cref="SignalingConnection"/> and every
/// real handler of the box (hello, join, offer, mute, share, leave), resolved from the box's own
/// composition root (built, not started). An input is one connection: its lines are the
/// messages, in order. Seeds: each message of PROTOCOL.md, and whole sessions (hello, join,
/// a captured browser offer, mute, share, leave).
/// </summary>
public sealed class SignalingTarget : FuzzTarget
{
    private readonly WebApplication _box;
    private readonly string _state = Directory.CreateTempSubdirectory("appliance-fuzz-").FullName;
    private readonly IReadOnlyDictionary<string, ISignalingHandler> _handlers;
    private long _inputs;

    public SignalingTarget()
    {
        var (builder, errors) = ApplianceHost.CreateBuilder(
        [
            $"--Appliance:StateDirectory={_state}", "--Media:UdpPort=0", "--Media:AnnouncedAddresses:0=127.0.0.1",
            "--Logging:LogLevel:Default=None",
        ]);
        _box = ApplianceHost.Build(builder ?? throw new InvalidOperationException(string.Join("; ", errors)));
        _handlers = _box.Services.GetServices<ISignalingHandler>().ToDictionary(h => h.Type, StringComparer.Ordinal);
    }

    public override string Name => "signaling";

    public override void Execute(byte[] input)
    {
        var messages = input.AsSpan().ToArray().Split((byte)'\n');
        using var socket = new ScriptedWebSocket(messages);
        // A different address now and then, so the room-code attempt limit does not shut every later input out.
        var remote = $"198.18.{(_inputs / 256) % 256}.{_inputs++ % 256}";
        var connection = new SignalingConnection(socket, _handlers, 64 * 1024, remote, NullLogger.Instance);
        connection.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public override void Dispose()
    {
        _box.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_state, recursive: true);
    }
}

internal static class ByteSplitting
{
    public static List<byte[]> Split(this byte[] input, byte separator)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && input[i] != separator)
                continue;
            parts.Add(input[start..i]);
            start = i + 1;
        }
        return parts;
    }
}
