namespace Appliance.Devices.Button;

/// <summary>
/// The box's one button. A short press asks for a new room code on the room screen; a long
/// hold arms a factory reset, which a second press confirms.
/// </summary>
public interface IPairingButton : IDisposable
{
    /// <summary>A short press (released before the hold time): show a new room code.</summary>
    event EventHandler? NewRoomCodeRequested;

    /// <summary>The button was held for the hold time: a factory reset is armed until confirmed or timed out.</summary>
    event EventHandler? FactoryResetArmed;

    /// <summary>A press while armed: the user confirmed the factory reset.</summary>
    event EventHandler? FactoryResetConfirmed;

    /// <summary>No confirming press came within the confirm window: back to normal.</summary>
    event EventHandler? FactoryResetDisarmed;
}

/// <summary>The button when the box has none (or it is disabled): never raises anything.</summary>
public sealed class DisabledPairingButton : IPairingButton
{
    public event EventHandler? NewRoomCodeRequested { add { } remove { } }

    public event EventHandler? FactoryResetArmed { add { } remove { } }

    public event EventHandler? FactoryResetConfirmed { add { } remove { } }

    public event EventHandler? FactoryResetDisarmed { add { } remove { } }

    public void Dispose()
    {
    }
}
