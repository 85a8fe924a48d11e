using System.Net;
using Appliance.Hosting;
using Appliance.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Tests.Security;

public sealed class LanOnlyTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.254", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.20", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("169.254.10.10", true)]
    [InlineData("198.18.0.1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:192.168.1.2", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("192.169.0.1", false)]
    public void Private_addresses_are_the_lan(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, PrivateAddresses.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public async Task A_public_address_is_refused_with_a_sentence_while_lan_only_is_on()
    {
        var (status, body, passed) = await RunAsync("203.0.113.7", lanOnly: true);

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Contains("serves only its local network", body);
        Assert.False(passed);
    }

    [Fact]
    public async Task A_lan_address_passes_and_so_does_anyone_with_lan_only_off()
    {
        Assert.True((await RunAsync("192.168.1.20", lanOnly: true)).Passed);
        Assert.True((await RunAsync("203.0.113.7", lanOnly: false)).Passed);
    }

    private static async Task<(int Status, string Body, bool Passed)> RunAsync(string remote, bool lanOnly)
    {
        var passed = false;
        var middleware = new LanOnlyMiddleware(_ => { passed = true; return Task.CompletedTask; },
            new FixedMonitor(new ApplianceOptions { LanOnly = lanOnly }), NullLogger<LanOnlyMiddleware>.Instance);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Response.Body = new MemoryStream();
        await middleware.InvokeAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, new StreamReader(context.Response.Body).ReadToEnd(), passed);
    }

    private sealed class FixedMonitor(ApplianceOptions value) : IOptionsMonitor<ApplianceOptions>
    {
        public ApplianceOptions CurrentValue => value;
        public ApplianceOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ApplianceOptions, string?> listener) => null;
    }
}
