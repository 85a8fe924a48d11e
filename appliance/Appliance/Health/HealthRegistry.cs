using System.Collections.Concurrent;

namespace Appliance.Health;

/// <summary>One subsystem's state as /healthz reports it.</summary>
public sealed record SubsystemHealth(bool Healthy, string Status, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>
/// Where each subsystem (web host, certificate, media loop, …) reports its state.
/// /healthz answers 200 when every registered subsystem is healthy, 503 otherwise.
/// </summary>
public sealed class HealthRegistry
{
    private readonly ConcurrentDictionary<string, Func<SubsystemHealth>> _checks = new(StringComparer.Ordinal);

    public void Register(string subsystem, Func<SubsystemHealth> check) => _checks[subsystem] = check;

    public IReadOnlyDictionary<string, SubsystemHealth> Snapshot()
    {
        var result = new SortedDictionary<string, SubsystemHealth>(StringComparer.Ordinal);
        foreach (var (name, check) in _checks)
        {
            try
            {
                result[name] = check();
            }
            catch (Exception e)
            {
                result[name] = new SubsystemHealth(false, "check failed: " + e.Message);
            }
        }
        return result;
    }
}
