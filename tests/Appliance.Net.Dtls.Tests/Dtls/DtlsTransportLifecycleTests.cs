using Appliance.Net.Dtls.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Appliance.Net.Dtls.Tests.Dtls;

public sealed class DtlsTransportLifecycleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_handshake_without_a_peer_times_out_on_the_transport_clock()
    {
        var clock = new FakeTimeProvider();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new DtlsTransport(
            DtlsCertificate.Generate(),
            new DtlsTransportOptions
            {
                Role = DtlsRole.Client,
                RemoteFingerprint = DtlsCertificate.Generate().Fingerprint,
                HandshakeTimeout = TimeSpan.FromSeconds(10),
                TimeProvider = clock,
            },
            _ => sent.TrySetResult(),
            new TestOutputLogger<DtlsTransport>(output, "client"));

        Task<DtlsHandshakeResult> handshake = client.StartAsync();
        await sent.Task.WaitAsync(Patience); // the ClientHello went out: the handshake is waiting
        Assert.False(handshake.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(11));
        DtlsHandshakeResult result = await handshake.WaitAsync(Patience);

        Assert.Equal(DtlsFailureReason.Timeout, result.Failure);
        Assert.Equal(DtlsTransportState.Failed, client.State);
    }

    [Fact]
    public async Task Cancelling_the_start_token_aborts_the_handshake()
    {
        using var cancel = new CancellationTokenSource();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new DtlsTransport(
            DtlsCertificate.Generate(),
            DtlsLink.Defaults(DtlsRole.Client, DtlsCertificate.Generate().Fingerprint),
            _ => sent.TrySetResult(),
            new TestOutputLogger<DtlsTransport>(output, "client"));

        Task<DtlsHandshakeResult> handshake = client.StartAsync(cancel.Token);
        await sent.Task.WaitAsync(Patience);
        cancel.Cancel();
        DtlsHandshakeResult result = await handshake.WaitAsync(Patience);

        Assert.Equal(DtlsFailureReason.Cancelled, result.Failure);
    }

    [Fact]
    public async Task Disposing_during_the_handshake_ends_it_as_closed()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new DtlsTransport(
            DtlsCertificate.Generate(),
            DtlsLink.Defaults(DtlsRole.Server, DtlsCertificate.Generate().Fingerprint),
            _ => { },
            new TestOutputLogger<DtlsTransport>(output, "server"));
        server.StateChanged += (_, state) =>
        {
            if (state == DtlsTransportState.Closed)
            {
                closed.TrySetResult();
            }
        };

        Task<DtlsHandshakeResult> handshake = server.StartAsync();
        server.Dispose();

        Assert.Equal(DtlsFailureReason.Cancelled, (await handshake.WaitAsync(Patience)).Failure);
        await closed.Task.WaitAsync(Patience);
        Assert.False(server.TryReceiveDatagram(new byte[] { 22, 254, 253 }));
    }

    [Fact]
    public async Task Disposing_before_start_completes_the_result_and_refuses_to_start()
    {
        var transport = new DtlsTransport(
            DtlsCertificate.Generate(),
            DtlsLink.Defaults(DtlsRole.Server, DtlsCertificate.Generate().Fingerprint),
            _ => { },
            new TestOutputLogger<DtlsTransport>(output, "server"));

        transport.Dispose();

        Assert.Equal(DtlsFailureReason.Cancelled, (await transport.Completion.WaitAsync(Patience)).Failure);
        Assert.Equal(DtlsTransportState.Closed, transport.State);
        Assert.Throws<ObjectDisposedException>(() => { _ = transport.StartAsync(); });
    }

    [Fact]
    public void Starting_twice_is_refused()
    {
        using var link = new DtlsLink(output);
        _ = link.Server.StartAsync();

        Assert.Throws<InvalidOperationException>(() => { _ = link.Server.StartAsync(); });
    }

    [Fact]
    public async Task Disposing_a_connected_side_sends_close_notify_and_the_peer_closes()
    {
        using var link = new DtlsLink(output);
        var serverClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Server.StateChanged += (_, state) =>
        {
            if (state == DtlsTransportState.Closed)
            {
                serverClosed.TrySetResult();
            }
        };
        var clientClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Client.StateChanged += (_, state) =>
        {
            if (state == DtlsTransportState.Closed)
            {
                clientClosed.TrySetResult();
            }
        };
        var (client, server) = await link.HandshakeAsync();
        Assert.True(client.IsSuccess && server.IsSuccess);

        link.Client.Dispose();

        await clientClosed.Task.WaitAsync(Patience);
        await serverClosed.Task.WaitAsync(Patience);
        Assert.Equal(DtlsTransportState.Closed, link.Server.State);
    }
}
