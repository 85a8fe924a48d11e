using Appliance.Hosting;
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

        app.Map(Path, async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("This address takes a WebSocket connection from the box's web page.");
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var connection = new SignalingConnection(socket, handlers, options.MaxSignalingMessageBytes, remote, logger);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await connection.RunAsync(linked.Token);
        });
        return app;
    }
}
