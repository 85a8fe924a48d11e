using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Hosting;

namespace Appliance.Admin.Settings;

/// <summary>
/// The settings the admin made in /admin: settings.json in the state folder, a configuration
/// layer above /etc/appliance/appsettings.json and below environment variables and the command
/// line (<see cref="ConfigurationSources.AddSettingsOverlay"/>). Saved atomically; after a save
/// the configuration reloads, so options read through IOptionsMonitor change at once.
/// </summary>
public sealed class SettingsStore(StateDirectory state, IConfiguration configuration, ILogger<SettingsStore> logger)
{
    public const string FileName = "settings.json";
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _gate = new();

    public string Path => state.Combine(FileName);

    /// <summary>The overrides by configuration key ("Room:Name"), as the file holds them.</summary>
    public IReadOnlyDictionary<string, JsonNode> Load()
    {
        lock (_gate)
            return Read();
    }

    /// <summary>Adds, replaces or (null) removes overrides, writes the file and reloads the configuration.</summary>
    public void Save(IReadOnlyDictionary<string, JsonNode?> changes)
    {
        lock (_gate)
        {
            var all = new Dictionary<string, JsonNode>(Read(), StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in changes)
            {
                if (value is null)
                    all.Remove(key);
                else
                    all[key] = value.DeepClone();
            }
            AtomicFile.Write(Path, JsonSerializer.SerializeToUtf8Bytes(Nest(all), new JsonSerializerOptions { WriteIndented = true }), FileMode);
        }
        logger.LogInformation("Settings saved: {Keys}", string.Join(", ", changes.Keys));
        Reload();
    }

    /// <summary>Removes every override (factory reset).</summary>
    public void Clear()
    {
        lock (_gate)
            File.Delete(Path);
        Reload();
    }

    private void Reload() => (configuration as IConfigurationRoot)?.Reload();

    private Dictionary<string, JsonNode> Read()
    {
        var result = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(Path))
            return result;
        try
        {
            if (JsonNode.Parse(File.ReadAllBytes(Path)) is JsonObject root)
                Flatten(root, "", result);
        }
        catch (JsonException e)
        {
            logger.LogError("The settings file {Path} cannot be read ({Reason}); saving settings replaces it", Path, e.Message);
        }
        return result;
    }

    private static void Flatten(JsonObject node, string prefix, Dictionary<string, JsonNode> into)
    {
        foreach (var (name, value) in node)
        {
            if (value is JsonObject child)
                Flatten(child, prefix + name + ":", into);
            else if (value is not null)
                into[prefix + name] = value.DeepClone();
        }
    }

    /// <summary>"Room:Name" = x becomes { "Room": { "Name": x } }, the shape configuration files have.</summary>
    private static JsonObject Nest(Dictionary<string, JsonNode> flat)
    {
        var root = new JsonObject();
        foreach (var (key, value) in flat.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (node[part] is not JsonObject next)
                    node[part] = next = new JsonObject();
                node = next;
            }
            node[parts[^1]] = value.DeepClone();
        }
        return root;
    }
}
