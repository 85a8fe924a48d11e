using Appliance.Security;

namespace Appliance.Admin.Account;

/// <summary>
/// Wrong setup codes and wrong passwords, per client address: 5 within 15 minutes lock the
/// address out for 5 minutes, doubling with each lock-out in a row (<see cref="AttemptLimiter"/>).
/// </summary>
public sealed class AdminAttempts(TimeProvider time)
{
    public AttemptLimiter Setup { get; } = new("setup-code", 5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5), time);
    public AttemptLimiter Login { get; } = new("password", 5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5), time);
}
