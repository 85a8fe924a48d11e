namespace Appliance.Signaling;

/// <summary>
/// The error codes a signaling client can receive. Each comes with a sentence the page
/// can show as it is.
/// </summary>
public static class SignalingErrors
{
    public const string MalformedJson = "malformed-json";
    public const string MissingType = "missing-type";
    public const string UnknownType = "unknown-type";
    public const string TooLarge = "message-too-large";
    public const string BinaryNotAccepted = "binary-not-accepted";
    public const string InvalidMessage = "invalid-message";
    public const string TooManyMessages = "too-many-messages";
}
