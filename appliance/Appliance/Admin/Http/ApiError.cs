namespace Appliance.Admin;

/// <summary>
/// The API's refusals: <c>{ error, message }</c>, a code for programs and a sentence that
/// says what to do (API.md).
/// </summary>
public static class ApiError
{
    public static IResult Of(int status, string code, string message) =>
        Results.Json(new ErrorBody(code, message), AdminJson.Options, statusCode: status);

    /// <summary>429 with Retry-After (RFC 9110 section 10.2.3) and a sentence saying when to try again.</summary>
    public static IResult TooManyAttempts(HttpContext context, TimeSpan wait, string what)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new RetryBody("too-many-attempts",
            $"Too many wrong {what} from this device. Wait {Duration(seconds)} and try again.", seconds),
            AdminJson.Options, statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>"45 seconds", "3 minutes".</summary>
    public static string Duration(int seconds) => seconds < 90
        ? $"{seconds} second{(seconds == 1 ? "" : "s")}"
        : $"{(seconds + 59) / 60} minutes";

    public sealed record ErrorBody(string Error, string Message);

    public sealed record RetryBody(string Error, string Message, int RetryAfterSeconds);
}
