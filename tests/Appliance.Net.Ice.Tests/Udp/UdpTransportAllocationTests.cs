using System.Net;
using System.Net.Sockets;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Net.Ice.Tests.Udp;

/// <summary>Runs alone, so the process-wide allocation counter sees only the receive loop.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement
{
}

[Collection(nameof(AllocationMeasurement))]
public class UdpTransportAllocationTests
{
    private const int Datagrams = 2000;

    [Fact]
    public async Task The_receive_loop_does_not_allocate_per_datagram()
    {
        await using var transport = new UdpTransport(new UdpTransportOptions { Port = 0 }, NullLogger<UdpTransport>.Instance);
        var handler = new CountingHandler(Datagrams + 100);
        transport.Start(handler);
        using var client = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        SocketAddress server = new IPEndPoint(IPAddress.IPv6Loopback, transport.LocalEndPoint.Port).Serialize();
        var datagram = new byte[300];
        for (int i = 0; i < 100; i++)
        {
            client.SendTo(datagram, SocketFlags.None, server); // warm up the loop's async machinery
        }

        await handler.WaitForWarmUpAsync(100);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Datagrams; i++)
        {
            client.SendTo(datagram, SocketFlags.None, server);
            if (i % 200 == 199)
            {
                await handler.WaitForCountAsync(100 + i + 1); // never outrun the socket buffer
            }
        }

        await handler.AllReceived;
        long perDatagram = (GC.GetTotalAllocatedBytes(precise: true) - before) / Datagrams;

        // Any object per datagram would cost 24 bytes or more; what remains is the test's own waiting.
        Assert.True(perDatagram < 8, $"{perDatagram} bytes allocated per datagram");
    }

    private sealed class CountingHandler(int expected) : IDatagramHandler
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;
        private TaskCompletionSource? _waiter;
        private int _waitFor;

        public Task AllReceived => _all.Task.WaitAsync(TimeSpan.FromSeconds(30));

        public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
        {
            int count = Interlocked.Increment(ref _count);
            TaskCompletionSource? waiter = Volatile.Read(ref _waiter);
            if (waiter is not null && count >= Volatile.Read(ref _waitFor))
            {
                waiter.TrySetResult();
            }

            if (count == expected)
            {
                _all.TrySetResult();
            }
        }

        public Task WaitForWarmUpAsync(int count) => WaitForCountAsync(count);

        public Task WaitForCountAsync(int count)
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _waitFor, count);
            Volatile.Write(ref _waiter, waiter);
            if (Volatile.Read(ref _count) >= count)
            {
                waiter.TrySetResult();
            }

            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
