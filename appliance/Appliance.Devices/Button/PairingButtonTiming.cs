namespace Appliance.Devices.Button;

/// <summary>The button's timings.</summary>
/// <param name="Debounce">How long the contact must stay at one level before it counts (mechanical bounce is 1-20 ms).</param>
/// <param name="FactoryResetHold">How long a hold arms the factory reset.</param>
/// <param name="ConfirmWindow">How long, from arming, a second press confirms it.</param>
public sealed record PairingButtonTiming(TimeSpan Debounce, TimeSpan FactoryResetHold, TimeSpan ConfirmWindow)
{
    public static PairingButtonTiming Default { get; } =
        new(TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
}
