using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Appliance.Resilience.Tests.Lossy;

/// <summary>
/// A bad network in user space (the test machine has no <c>tc netem</c>): a UDP relay on loopback between one
/// client and the box's media port. Every datagram, in both directions, is dropped with probability
/// <see cref="LossRate"/> (a seeded random, so a run can be repeated), or delivered after <see cref="Delay"/>
/// ± <see cref="Jitter"/> (uniform; a jitter larger than the packet spacing reorders), and nothing passes while
/// <see cref="Outage"/> is on. The client sends to <see cref="Endpoint"/>; the box sees the relay's other socket.
/// Real timers: this is the network seam, and tests record durations, they do not assert them.
/// </summary>
public sealed class ImpairingRelay : IDisposable
{
    private readonly record struct Pending(byte[] Buffer, int Length, Socket Socket, EndPoint To);

    private readonly Socket _clientSide = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _boxSide = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _box;
    private readonly Random _random;
    private readonly PriorityQueue<Pending, long> _queue = new();
    private readonly Thread[] _threads;
    private EndPoint? _client;
    private volatile bool _closed;
    private long _forwarded;
    private long _lost;
    private long _droppedInOutage;

    public ImpairingRelay(IPEndPoint box, int seed)
    {
        _box = box;
        _random = new Random(seed);
        foreach (var socket in new[] { _clientSide, _boxSide })
        {
            socket.ReceiveBufferSize = 1 << 20;
            socket.SendBufferSize = 1 << 20;
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
        Endpoint = (IPEndPoint)_clientSide.LocalEndPoint!;
        _threads =
        [
            new Thread(() => Receive(_clientSide, fromClient: true)) { IsBackground = true, Name = "relay-from-client" },
            new Thread(() => Receive(_boxSide, fromClient: false)) { IsBackground = true, Name = "relay-from-box" },
            new Thread(Deliver) { IsBackground = true, Name = "relay-deliver" },
        ];
        foreach (var thread in _threads)
            thread.Start();
    }

    /// <summary>Where the client sends its media instead of the box.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Share of datagrams dropped at random, 0 … 1.</summary>
    public double LossRate { get; set; }

    public TimeSpan Delay { get; set; }
    public TimeSpan Jitter { get; set; }

    /// <summary>While on, every datagram in both directions is dropped (a cable pulled, a Wi-Fi dead spot).</summary>
    public bool Outage { get; set; }

    public long Forwarded => Interlocked.Read(ref _forwarded);
    public long Lost => Interlocked.Read(ref _lost);
    public long DroppedInOutage => Interlocked.Read(ref _droppedInOutage);

    private void Receive(Socket socket, bool fromClient)
    {
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_closed)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(2048);
            int length;
            try
            {
                length = socket.ReceiveFrom(buffer, ref from);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                continue;
            }
            EndPoint? to;
            if (fromClient)
            {
                _client ??= new IPEndPoint(((IPEndPoint)from).Address, ((IPEndPoint)from).Port);
                to = _box;
            }
            else
                to = _client;
            if (to is null || !Admit(out long due))
            {
                ArrayPool<byte>.Shared.Return(buffer);
                continue;
            }
            lock (_queue)
            {
                _queue.Enqueue(new Pending(buffer, length, fromClient ? _boxSide : _clientSide, to), due);
                Monitor.Pulse(_queue);
            }
        }
    }

    /// <summary>Whether the datagram survives, and when it is due (a <see cref="Stopwatch"/> time).</summary>
    private bool Admit(out long due)
    {
        due = 0;
        if (Outage)
        {
            Interlocked.Increment(ref _droppedInOutage);
            return false;
        }
        double draw, spread;
        lock (_random)
        {
            draw = _random.NextDouble();
            spread = (_random.NextDouble() * 2) - 1;
        }
        if (draw < LossRate)
        {
            Interlocked.Increment(ref _lost);
            return false;
        }
        double delaySeconds = Math.Max(0, Delay.TotalSeconds + (spread * Jitter.TotalSeconds));
        due = Stopwatch.GetTimestamp() + (long)(delaySeconds * Stopwatch.Frequency);
        return true;
    }

    private void Deliver()
    {
        while (!_closed)
        {
            Pending next;
            lock (_queue)
            {
                if (!_queue.TryPeek(out next, out long due))
                {
                    Monitor.Wait(_queue, 100);
                    continue;
                }
                long wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    Monitor.Wait(_queue, TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
                    continue;
                }
                _queue.Dequeue();
            }
            try
            {
                next.Socket.SendTo(next.Buffer.AsSpan(0, next.Length), SocketFlags.None, next.To);
                Interlocked.Increment(ref _forwarded);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
            ArrayPool<byte>.Shared.Return(next.Buffer);
        }
    }

    public void Dispose()
    {
        _closed = true;
        _clientSide.Dispose();
        _boxSide.Dispose();
        lock (_queue)
            Monitor.PulseAll(_queue);
        foreach (var thread in _threads)
            thread.Join(TimeSpan.FromSeconds(2));
    }
}
