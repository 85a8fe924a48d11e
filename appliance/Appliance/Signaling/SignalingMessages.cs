using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Signaling;

/// <summary>JSON settings of the signaling protocol: camelCase names, nulls left out.</summary>
public static class SignalingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>The box's reply to every mistake: a code for programs and a sentence for people.</summary>
public sealed record ErrorMessage(string Code, string Message)
{
    public string Type => "error";

    /// <summary>With <c>too-many-attempts</c>: seconds until the next attempt is accepted.</summary>
    public int? RetryAfterSeconds { get; init; }
}

/// <summary>The box's answer to a client's hello.</summary>
public sealed record WelcomeMessage(string Server, string Version, int Protocol, string ConnectionId)
{
    public string Type => "welcome";
}
