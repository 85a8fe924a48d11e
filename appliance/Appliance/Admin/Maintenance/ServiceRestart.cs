namespace Appliance.Admin.Maintenance;

/// <summary>
/// Restarting the service from the console: the host stops and the program exits with
/// <see cref="ExitCode"/> 75 (EX_TEMPFAIL); the unit's <c>Restart=on-failure</c> makes systemd
/// start it again two seconds later. Run by hand, the program simply ends.
/// </summary>
public sealed class ServiceRestart(IHostApplicationLifetime lifetime, ILogger<ServiceRestart> logger)
{
    public const int RestartExitCode = 75;

    private int _requested;

    /// <summary>The program's exit code: 75 after a restart request, else 0.</summary>
    public int ExitCode => Volatile.Read(ref _requested) == 1 ? RestartExitCode : 0;

    public bool Requested => Volatile.Read(ref _requested) == 1;

    public void Request()
    {
        if (Interlocked.Exchange(ref _requested, 1) == 1)
            return;
        logger.LogWarning("Restart requested from the admin console; exiting with code {Code} for systemd to start the service again", RestartExitCode);
        lifetime.StopApplication();
    }
}
