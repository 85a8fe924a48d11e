using System.Net;
using System.Net.Sockets;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Net.Ice.Tests.Udp;

/// <summary>Allocation measurements run alone, away from other tests' threads.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement
{
}

[Collection(nameof(AllocationMeasurement))]
public class UdpTransportAllocationTests
{
    private const int Batch = 200;
    private const int WarmUpDatagrams = 6000;
    private const int MeasuredDatagrams = 4000;

    [Fact]
    public async Task The_receive_loop_does_not_allocate_per_datagram()
    {
        await using var transport = new UdpTransport(new UdpTransportOptions { Port = 0 }, NullLogger<UdpTransport>.Instance);
        var handler = new ReceiveThreadAllocationProbe();
        transport.Start(handler);
        using var client = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        SocketAddress server = new IPEndPoint(IPAddress.IPv6Loopback, transport.LocalEndPoint.Port).Serialize();

        await SendAsync(client, server, handler, WarmUpDatagrams); // JIT tiering, thread pool growth
        handler.Reset();
        await SendAsync(client, server, handler, MeasuredDatagrams);

        // What the loop allocates between two datagrams on its own thread (completion, re-arming the
        // receive, dispatch). Any object per datagram would be 24 bytes or more.
        double perDatagram = (double)handler.AllocatedBetweenCalls / MeasuredDatagrams;
        Assert.True(perDatagram < 4, $"{perDatagram:F1} bytes allocated per datagram");
    }

    private static async Task SendAsync(Socket client, SocketAddress server, ReceiveThreadAllocationProbe handler, int count)
    {
        var datagram = new byte[300];
        int start = handler.Count;
        for (int i = 1; i <= count; i++)
        {
            client.SendTo(datagram, SocketFlags.None, server);
            if (i % Batch == 0)
            {
                await handler.WaitForCountAsync(start + i); // never outrun the socket buffer
            }
        }
    }

    /// <summary>
    /// Sums, per thread, the bytes allocated between consecutive handler calls on that thread: the
    /// receive loop's own cost, without the test host's allocations on other threads.
    /// </summary>
    private sealed class ReceiveThreadAllocationProbe : IDatagramHandler
    {
        [ThreadStatic]
        private static long t_lastCall;

        private int _count;
        private long _allocatedBetweenCalls;
        private TaskCompletionSource? _waiter;
        private int _waitFor;

        public int Count => Volatile.Read(ref _count);

        public long AllocatedBetweenCalls => Interlocked.Read(ref _allocatedBetweenCalls);

        public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
        {
            long now = GC.GetAllocatedBytesForCurrentThread();
            if (t_lastCall != 0)
            {
                Interlocked.Add(ref _allocatedBetweenCalls, now - t_lastCall);
            }

            int count = Interlocked.Increment(ref _count);
            TaskCompletionSource? waiter = Volatile.Read(ref _waiter);
            if (waiter is not null && count >= Volatile.Read(ref _waitFor))
            {
                waiter.TrySetResult();
            }

            t_lastCall = GC.GetAllocatedBytesForCurrentThread();
        }

        public void Reset() => Interlocked.Exchange(ref _allocatedBetweenCalls, 0);

        public Task WaitForCountAsync(int count)
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _waitFor, count);
            Volatile.Write(ref _waiter, waiter);
            if (Count >= count)
            {
                waiter.TrySetResult();
            }

            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
