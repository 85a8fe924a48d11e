using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Hosting;

namespace Appliance.Admin.Settings;

/// <summary>
/// Applies a change from the admin console: checks every field, checks that the box would
/// still start with the result (the same checks start-up makes), saves it and says which
/// fields applied at once and which need a restart.
/// </summary>
public sealed class SettingsEditor(SettingsStore store, IConfiguration configuration, ILogger<SettingsEditor> logger)
{
    public BoxSettings Current => SettingsCatalog.Read(configuration);

    public (SettingsChange? Change, IReadOnlyList<SettingError> Errors) Apply(BoxSettings change)
    {
        var before = Current;
        var (overrides, errors) = SettingsCatalog.Plan(change, before);
        if (errors.Count > 0)
            return (null, errors);

        var startupErrors = ConfigurationErrors.Find(Prospective(overrides));
        if (startupErrors.Count > 0)
            return (null, startupErrors.Select(e => new SettingError("settings", e)).ToList());

        store.Save(overrides);
        var after = Current;
        var changed = ChangedFields(before, after);
        var restart = changed.Where(SettingsCatalog.NeedRestart.Contains).ToList();
        var applied = changed.Where(f => !SettingsCatalog.NeedRestart.Contains(f)).ToList();
        logger.LogInformation("Settings changed: applied now {Applied}; after a restart {Restart}",
            string.Join(", ", applied), string.Join(", ", restart));
        return (new SettingsChange(after, applied, restart), []);
    }

    /// <summary>The configuration as it would be with the overrides on top.</summary>
    private IConfiguration Prospective(Dictionary<string, JsonNode?> overrides)
    {
        var flat = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            if (value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                    flat[$"{key}:{i}"] = array[i]?.ToString();
            }
            else if (value is not null)
            {
                flat[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
        }
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(flat).Build();
    }

    private static List<string> ChangedFields(BoxSettings before, BoxSettings after)
    {
        var a = JsonSerializer.SerializeToElement(before, AdminJson.Options);
        var b = JsonSerializer.SerializeToElement(after, AdminJson.Options);
        return a.EnumerateObject()
            .Where(p => !b.TryGetProperty(p.Name, out var other) || other.GetRawText() != p.Value.GetRawText())
            .Select(p => p.Name)
            .ToList();
    }
}
