using Appliance.Admin.Account;
using Microsoft.AspNetCore.Antiforgery;

namespace Appliance.Admin;

/// <summary>
/// Refuses a state-changing request (anything but GET and HEAD) without a valid antiforgery
/// token in the X-CSRF-TOKEN header, matched with its cookie (ASP.NET Core antiforgery).
/// </summary>
public sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return ApiError.Of(StatusCodes.Status400BadRequest, "antiforgery",
                    "The page's security token is missing or out of date. Reload the page and try again.");
            }
        }
        return await next(context);
    }
}

/// <summary>Refuses a request without a live admin session (the <c>appliance-admin</c> cookie).</summary>
public sealed class AdminSessionFilter(AdminSessions sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!sessions.Touch(context.HttpContext.Request.Cookies[AdminSessions.CookieName]))
            return ApiError.Of(StatusCodes.Status401Unauthorized, "not-signed-in", "Sign in to the admin console first.");
        return await next(context);
    }
}
