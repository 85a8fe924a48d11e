using Appliance.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace Appliance.Admin.Account;

/// <summary>
/// Claiming the box with its setup code, signing in and out, changing the password
/// (API.md, "Admin: session"). Wrong codes and passwords are limited per client address.
/// </summary>
public static class AccountEndpoints
{
    public sealed record ClaimRequest(string SetupCode, string Password);

    public sealed record LoginRequest(string Password);

    public sealed record PasswordRequest(string CurrentPassword, string NewPassword);

    public sealed record SessionState(bool Claimed, bool SignedIn, string CsrfToken);

    public static void MapAccount(RouteGroupBuilder api, RouteGroupBuilder admin)
    {
        api.MapGet("/session", (HttpContext context, AdminAccount account, AdminSessions sessions, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            var signedIn = sessions.Touch(context.Request.Cookies[AdminSessions.CookieName]);
            return Results.Json(new SessionState(account.IsClaimed, signedIn, tokens.RequestToken!), AdminJson.Options);
        });

        api.MapPost("/claim", async (HttpContext context, AdminAccount account, AdminSessions sessions, AdminAttempts attempts) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ClaimRequest>(context.Request);
            if (body is null)
                return error!;
            var address = ClientAddress(context);
            if (attempts.Setup.RetryAfter(address) is var wait && wait > TimeSpan.Zero)
                return ApiError.TooManyAttempts(context, wait, "setup codes");
            if (account.IsClaimed)
                return ApiError.Of(StatusCodes.Status409Conflict, "already-claimed", "This box already has an admin. Sign in with the admin password.");
            if (AdminAccount.PasswordProblem(body.Password ?? "") is { } problem)
                return ApiError.Of(StatusCodes.Status400BadRequest, "weak-password", problem);
            if (!account.Claim(body.SetupCode ?? "", body.Password!))
            {
                var locked = attempts.Setup.Fail(address);
                return locked > TimeSpan.Zero
                    ? ApiError.TooManyAttempts(context, locked, "setup codes")
                    : ApiError.Of(StatusCodes.Status403Forbidden, "wrong-setup-code",
                        "That is not the setup code. Type the code shown on the room's screen or in the box's log.");
            }
            attempts.Setup.Succeed(address);
            SignIn(context, sessions);
            return Results.NoContent();
        });

        api.MapPost("/login", async (HttpContext context, AdminAccount account, AdminSessions sessions, AdminAttempts attempts) =>
        {
            var (body, error) = await JsonBody.ReadAsync<LoginRequest>(context.Request);
            if (body is null)
                return error!;
            var address = ClientAddress(context);
            if (attempts.Login.RetryAfter(address) is var wait && wait > TimeSpan.Zero)
                return ApiError.TooManyAttempts(context, wait, "passwords");
            if (!account.IsClaimed)
                return ApiError.Of(StatusCodes.Status409Conflict, "not-claimed", "This box has no admin yet. Type the setup code to claim it.");
            if ((body.Password ?? "").Length > AdminAccount.MaxPasswordLength || !account.VerifyPassword(body.Password ?? ""))
            {
                var locked = attempts.Login.Fail(address);
                return locked > TimeSpan.Zero
                    ? ApiError.TooManyAttempts(context, locked, "passwords")
                    : ApiError.Of(StatusCodes.Status401Unauthorized, "wrong-password", "The password is not right. Check it and try again.");
            }
            attempts.Login.Succeed(address);
            SignIn(context, sessions);
            return Results.NoContent();
        });

        api.MapPost("/logout", (HttpContext context, AdminSessions sessions) =>
        {
            sessions.End(context.Request.Cookies[AdminSessions.CookieName]);
            context.Response.Cookies.Delete(AdminSessions.CookieName, CookieOptions());
            return Results.NoContent();
        });

        admin.MapPost("/password", async (HttpContext context, AdminAccount account, AdminSessions sessions, AdminAttempts attempts) =>
        {
            var (body, error) = await JsonBody.ReadAsync<PasswordRequest>(context.Request);
            if (body is null)
                return error!;
            var address = ClientAddress(context);
            if (attempts.Login.RetryAfter(address) is var wait && wait > TimeSpan.Zero)
                return ApiError.TooManyAttempts(context, wait, "passwords");
            if (!account.VerifyPassword(body.CurrentPassword ?? ""))
            {
                var locked = attempts.Login.Fail(address);
                return locked > TimeSpan.Zero
                    ? ApiError.TooManyAttempts(context, locked, "passwords")
                    : ApiError.Of(StatusCodes.Status401Unauthorized, "wrong-password", "The current password is not right.");
            }
            if (AdminAccount.PasswordProblem(body.NewPassword ?? "") is { } problem)
                return ApiError.Of(StatusCodes.Status400BadRequest, "weak-password", problem);
            account.ChangePassword(body.NewPassword!);
            SignIn(context, sessions);
            return Results.NoContent();
        });
    }

    public static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
            address = address.MapToIPv4();
        return address?.ToString() ?? "unknown";
    }

    private static void SignIn(HttpContext context, AdminSessions sessions) =>
        context.Response.Cookies.Append(AdminSessions.CookieName, sessions.Start(), CookieOptions());

    private static CookieOptions CookieOptions() => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/api/admin",
        MaxAge = AdminSessions.MaxLifetime,
    };
}
