using Appliance.Certificates;
using Appliance.Devices.Display;
using Appliance.Devices.Hosting;
using Appliance.Devices.Led;
using Appliance.Health;

namespace Appliance.Devices;

/// <summary>
/// Keeps the box's own hardware in step with the service, once a second: the status LED
/// (starting, ready, meeting in progress, error when a subsystem is unhealthy) and the
/// status display (address, room code, participant count). Absent hardware is a disabled
/// stand-in, so this runs the same on a mini-PC without GPIO.
/// </summary>
public sealed class DeviceCoordinator(
    ApplianceDevices devices,
    HealthRegistry health,
    IHostIdentitySource identity,
    Func<(string RoomCode, int Participants)> meeting,
    TimeProvider time,
    ILogger<DeviceCoordinator> logger,
    DeviceActions? actions = null) : IHostedService, IDisposable
{
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        devices.Led.Show(LedState.Starting);
        devices.Button.NewRoomCodeRequested += (_, _) =>
        {
            logger.LogInformation("The pairing button asked for a new room code");
            actions?.NewRoomCode();
            Refresh();
        };
        devices.Button.FactoryResetConfirmed += async (_, _) =>
        {
            logger.LogWarning("The pairing button confirmed a factory reset");
            try
            {
                if (actions is not null)
                    await actions.FactoryResetAsync();
            }
            catch (Exception e)
            {
                // An event handler's exception would be unobserved and end the process: say it and keep serving.
                logger.LogError(e, "The factory reset asked for by the pairing button failed");
            }
            Refresh();
        };
        _timer = time.CreateTimer(_ => Refresh(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    /// <summary>One refresh: the LED's state and the display's contents from the service's state now.</summary>
    public void Refresh()
    {
        try
        {
            var (roomCode, participants) = meeting();
            var healthy = health.Snapshot().Values.All(s => s.Healthy);
            devices.Led.Show(!healthy ? LedState.Error : participants > 0 ? LedState.MeetingInProgress : LedState.Ready);
            var address = identity.Current().Addresses.FirstOrDefault()?.ToString();
            devices.Screen.Update(new StatusScreenModel(address, roomCode, participants, actions?.SetupCode()));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Updating the box's LED and display failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}

/// <summary>What the pairing button and the status display reach in the service: the room code, the setup code, the factory reset.</summary>
public sealed record DeviceActions(Action NewRoomCode, Func<Task> FactoryResetAsync, Func<string?> SetupCode);
