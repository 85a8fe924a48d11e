using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Admin;

/// <summary>JSON of the admin API: camelCase names and enum values, nulls left out, unknown fields refused.</summary>
public static class AdminJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        MaxDepth = 8,
    };
}
