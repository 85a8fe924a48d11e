using System.Text.Json;

namespace Appliance.Admin;

/// <summary>
/// Reads a JSON request body as hostile input: at most <see cref="MaxBytes"/>, only
/// application/json, no unknown fields; every refusal is a sentence (API.md).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 16 * 1024;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength > MaxBytes)
            return (null, TooLarge());
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, ApiError.Of(StatusCodes.Status415UnsupportedMediaType, "not-json", "Send the body as JSON (Content-Type: application/json)."));

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            length += read;
        if (length > MaxBytes)
            return (null, TooLarge());

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), AdminJson.Options);
            return value is null
                ? (null, Invalid("The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            // A syntax error comes wrapped around the reader's exception; a value of the wrong type does not.
            var syntax = e.InnerException?.GetType().Name == "JsonReaderException";
            var field = !syntax && e.Path is { Length: > 2 } path ? path[2..] : null;
            var sentence = e.Message.Contains("could not be mapped", StringComparison.Ordinal) && field is not null
                ? $"The field \"{field}\" is not known here; remove it (see /api/openapi.json)."
                : field is not null
                    ? $"The field \"{field}\" has a value of the wrong kind; see /api/openapi.json."
                    : "The body is not valid JSON; send one JSON object.";
            return (null, Invalid(sentence));
        }
    }

    private static IResult TooLarge() =>
        ApiError.Of(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body is larger than {MaxBytes} bytes; send only the fields to change.");

    private static IResult Invalid(string sentence) => ApiError.Of(StatusCodes.Status400BadRequest, "invalid-json", sentence);
}
