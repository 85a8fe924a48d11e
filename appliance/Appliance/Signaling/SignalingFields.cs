using System.Text.Json;

namespace Appliance.Signaling;

/// <summary>Reading optional fields of a signaling message without trusting their types.</summary>
public static class SignalingFields
{
    /// <summary>False when the field is present but not true/false; <paramref name="value"/> is null when it is absent.</summary>
    public static bool TryGetOptionalBool(JsonElement message, string name, out bool? value)
    {
        value = null;
        if (!message.TryGetProperty(name, out var element))
            return true;
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return false;
        value = element.GetBoolean();
        return true;
    }
}
