namespace Appliance.Hosting;

/// <summary>
/// The folder that holds the box's state. Under systemd it is the unit's
/// <c>StateDirectory=</c> (passed as $STATE_DIRECTORY); otherwise the configured
/// folder, by default ./.appliance-state for development.
/// </summary>
public sealed class StateDirectory
{
    public StateDirectory(string path) => Path = path;

    public string Path { get; }

    public static StateDirectory Resolve(ApplianceOptions options, Func<string, string?> environment)
    {
        string path;
        if (options.StateDirectory.Length > 0)
            path = options.StateDirectory;
        else if (environment("STATE_DIRECTORY") is { Length: > 0 } fromSystemd)
            path = fromSystemd.Split(':')[0]; // systemd passes a colon-separated list
        else
            path = ".appliance-state";

        path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new StateDirectory(path);
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
