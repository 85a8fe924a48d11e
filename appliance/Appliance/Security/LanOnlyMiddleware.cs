using Appliance.Hosting;
using Microsoft.Extensions.Options;

namespace Appliance.Security;

/// <summary>
/// While <c>Appliance:LanOnly</c> is on (the default), refuses every request from an address
/// that is not private (<see cref="PrivateAddresses"/>): the box serves its own room's LAN, not
/// the internet a port forward might expose it to. The setting applies without a restart.
/// </summary>
public sealed class LanOnlyMiddleware(RequestDelegate next, IOptionsMonitor<ApplianceOptions> options, ILogger<LanOnlyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (options.CurrentValue.LanOnly && !PrivateAddresses.IsPrivate(context.Connection.RemoteIpAddress))
        {
            logger.LogWarning("Refused a request from {Address}: the box serves only its local network (Appliance:LanOnly)",
                context.Connection.RemoteIpAddress);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This box serves only its local network. Connect to the room's network and open the box's address again.");
            return;
        }
        await next(context);
    }
}
