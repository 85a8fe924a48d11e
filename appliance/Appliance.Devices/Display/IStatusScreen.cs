namespace Appliance.Devices.Display;

/// <summary>The box's status screen, real or disabled.</summary>
public interface IStatusScreen : IDisposable
{
    /// <summary>The model shown last.</summary>
    StatusScreenModel Current { get; }

    void Update(StatusScreenModel model);
}

/// <summary>The screen when the box has no display (or it is disabled): remembers the model, draws nothing.</summary>
public sealed class DisabledStatusScreen : IStatusScreen
{
    public StatusScreenModel Current { get; private set; }

    public void Update(StatusScreenModel model) => Current = model;

    public void Dispose()
    {
    }
}
