using Appliance.Hosting;
using Appliance.Resilience;
using Microsoft.Extensions.Options;

namespace Appliance.Signaling;

/// <summary>The signaling WebSocket at /ws.</summary>
public static class SignalingEndpoint
{
    public const string Path = "/ws";

    public static IServiceCollection AddSignaling(this IServiceCollection services)
    {
        services.AddSingleton<ISignalingHandler, HelloHandler>();
        return services;
    }

    public static WebApplication MapSignaling(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        var handlers = app.Services.GetServices<ISignalingHandler>().ToDictionary(h => h.Type, StringComparer.Ordinal);
        var options = app.Services.GetRequiredService<IOptions<ApplianceOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignalingConnection));
        var stopping = app.Lifetime.ApplicationStopping;
        var limits = app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var perAddress = app.Services.GetRequiredService<ConnectionsPerAddress>();
        var refusals = app.Services.GetRequiredService<RefusalCounters>();
        var time = app.Services.GetRequiredService<TimeProvider>();

        app.Map(Path, async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("This address takes a WebSocket connection from the box's web page.");
                return;
            }
            var address = context.Connection.RemoteIpAddress ?? System.Net.IPAddress.None;
            if (!perAddress.TryAcquire(address))
            {
                refusals.Increment(RefusalKinds.SignalingConnectionsPerAddress);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await context.Response.WriteAsync("Too many connections from this computer; close other tabs of the box's page and try again.");
                return;
            }
            try
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var limiter = new MessageRateLimiter(limits.SignalingMessagesPerSecond, limits.SignalingMessageBurst, time);
                var connection = new SignalingConnection(socket, handlers, options.MaxSignalingMessageBytes, address.ToString(), logger,
                    limiter, () => refusals.Increment(RefusalKinds.SignalingFlood));
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                await connection.RunAsync(linked.Token);
            }
            finally
            {
                perAddress.Release(address);
            }
        });
        return app;
    }
}
