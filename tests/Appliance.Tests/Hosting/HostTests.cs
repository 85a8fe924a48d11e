using Appliance.Testing;
using System.Net;
using System.Text.Json;

namespace Appliance.Tests.Hosting;

public sealed class HostTests
{
    [Fact]
    public async Task Serves_the_join_page_over_https()
    {
        await using var box = await RunningAppliance.StartAsync();
        using var client = box.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Join the meeting", await response.Content.ReadAsStringAsync());
        var script = await client.GetAsync("/join.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Plain_http_redirects_to_the_same_path_over_https()
    {
        await using var box = await RunningAppliance.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await client.GetAsync($"http://127.0.0.1:{box.HttpPort}/display?x=1");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://127.0.0.1:{box.HttpsPort}/display?x=1", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Healthz_reports_each_subsystem()
    {
        await using var box = await RunningAppliance.StartAsync();
        using var client = box.CreateClient();

        var response = await client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var subsystems = json.RootElement.GetProperty("subsystems");
        Assert.Equal("up", subsystems.GetProperty("web").GetProperty("status").GetString());
        Assert.Equal("ticking", subsystems.GetProperty("media-clock").GetProperty("status").GetString());
        Assert.Equal("listening", subsystems.GetProperty("media-port").GetProperty("status").GetString());
        var certificate = subsystems.GetProperty("certificate");
        Assert.Equal("loaded", certificate.GetProperty("status").GetString());
        Assert.Equal(Appliance.Certificates.SelfSignedCertificate.Fingerprint(box.Certificate),
            certificate.GetProperty("details").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Metrics_are_in_prometheus_text_format()
    {
        await using var box = await RunningAppliance.StartAsync();
        using var client = box.CreateClient();
        using (var socket = await box.ConnectSignalingAsync())
            await Appliance.Tests.Signaling.SignalingTests.SendAndReceiveAsync(socket, """{"type":"hello"}""");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE appliance_signaling_messages_total counter", text);
        Assert.Matches(@"appliance_signaling_messages_total\{outcome=""handled""\} [1-9]", text);
    }
}
