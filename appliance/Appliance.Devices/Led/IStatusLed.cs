namespace Appliance.Devices.Led;

/// <summary>The box's status LED, real or disabled.</summary>
public interface IStatusLed : IDisposable
{
    LedState State { get; }

    /// <summary>Switches to a state's pattern, from its first "on" step; showing the current state again changes nothing.</summary>
    void Show(LedState state);
}

/// <summary>The LED when the box has none (or it is disabled): remembers the state, lights nothing.</summary>
public sealed class DisabledStatusLed : IStatusLed
{
    public LedState State { get; private set; } = LedState.Starting;

    public void Show(LedState state) => State = state;

    public void Dispose()
    {
    }
}
