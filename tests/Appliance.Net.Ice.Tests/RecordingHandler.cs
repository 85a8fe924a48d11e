using System.Net;
using System.Threading.Channels;
using Appliance.Net.Udp;

namespace Appliance.Net.Ice.Tests;

/// <summary>A datagram handler for tests: keeps a copy of each datagram and its source.</summary>
internal sealed class RecordingHandler : IDatagramHandler
{
    private readonly Channel<ReceivedDatagram> _channel = Channel.CreateUnbounded<ReceivedDatagram>();
    private readonly List<ReceivedDatagram> _all = [];

    public IReadOnlyList<ReceivedDatagram> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public Action<ReceivedDatagram>? OnReceived { get; set; }

    public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
    {
        var received = new ReceivedDatagram(datagram.ToArray(), SocketAddresses.Copy(remoteAddress));
        lock (_all)
        {
            _all.Add(received);
        }

        _channel.Writer.TryWrite(received);
        OnReceived?.Invoke(received);
    }

    /// <summary>The next datagram (a guard timeout only keeps a broken test from hanging).</summary>
    public Task<ReceivedDatagram> NextAsync() => _channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
}

internal sealed record ReceivedDatagram(byte[] Data, SocketAddress From)
{
    public IPEndPoint FromEndPoint => SocketAddresses.ToIPEndPoint(From);
}
