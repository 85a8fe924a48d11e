using System.Net;
using Appliance.Certificates;
using Appliance.Devices;
using Appliance.Devices.Button;
using Appliance.Devices.Display;
using Appliance.Devices.Hosting;
using Appliance.Devices.Led;
using Appliance.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Tests.Hosting;

public sealed class DeviceCoordinatorTests
{
    private readonly RecordingLed _led = new();
    private readonly RecordingScreen _screen = new();
    private readonly HealthRegistry _health = new();
    private readonly FakeTimeProvider _time = new();
    private int _participants;
    private bool _healthy = true;

    private DeviceCoordinator NewCoordinator()
    {
        _health.Register("media-clock", () => new SubsystemHealth(_healthy, _healthy ? "ticking" : "stuck"));
        var devices = new ApplianceDevices(_led, new DisabledPairingButton(), _screen, gpio: null);
        var identity = new FixedIdentity(new HostIdentity("roombox", [IPAddress.Parse("192.168.1.20")]));
        return new DeviceCoordinator(devices, _health, identity, () => ("4711", _participants), _time, NullLogger<DeviceCoordinator>.Instance);
    }

    [Fact]
    public async Task The_button_renews_the_code_and_confirms_a_factory_reset_and_the_display_shows_the_setup_code()
    {
        var button = new FakeButton();
        var renewed = 0;
        var reset = 0;
        string? setupCode = null;
        var actions = new DeviceActions(() => renewed++, () => { reset++; setupCode = "7Q4K-MZ2P"; return Task.CompletedTask; }, () => setupCode);
        var identity = new FixedIdentity(new HostIdentity("roombox", [IPAddress.Parse("192.168.1.20")]));
        using var coordinator = new DeviceCoordinator(new ApplianceDevices(_led, button, _screen, gpio: null), _health, identity,
            () => ("4711", 0), _time, NullLogger<DeviceCoordinator>.Instance, actions);
        await coordinator.StartAsync(CancellationToken.None);
        Assert.Null(_screen.Current.SetupCode);

        button.Raise(nameof(IPairingButton.NewRoomCodeRequested));
        button.Raise(nameof(IPairingButton.FactoryResetConfirmed));

        Assert.Equal(1, renewed);
        Assert.Equal(1, reset);
        Assert.Equal("7Q4K-MZ2P", _screen.Current.SetupCode);
    }

    [Fact]
    public async Task The_led_and_display_follow_the_meeting_and_the_health_of_the_box()
    {
        using var coordinator = NewCoordinator();
        await coordinator.StartAsync(CancellationToken.None);

        Assert.Equal(LedState.Ready, _led.State);
        Assert.Equal(new StatusScreenModel("192.168.1.20", "4711", 0, null), _screen.Current);

        _participants = 3;
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LedState.MeetingInProgress, _led.State);
        Assert.Equal(3, _screen.Current.ParticipantCount);

        _healthy = false;
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LedState.Error, _led.State);
        Assert.Equal(LedState.Starting, _led.History[0]);
    }

    private sealed class RecordingLed : IStatusLed
    {
        public List<LedState> History { get; } = [];
        public LedState State { get; private set; }
        public void Show(LedState state) { State = state; History.Add(state); }
        public void Dispose() { }
    }

    private sealed class RecordingScreen : IStatusScreen
    {
        public StatusScreenModel Current { get; private set; }
        public void Update(StatusScreenModel model) => Current = model;
        public void Dispose() { }
    }

    private sealed class FixedIdentity(HostIdentity identity) : IHostIdentitySource
    {
        public HostIdentity Current() => identity;
    }

    private sealed class FakeButton : IPairingButton
    {
        public event EventHandler? NewRoomCodeRequested;
        public event EventHandler? FactoryResetArmed;
        public event EventHandler? FactoryResetConfirmed;
        public event EventHandler? FactoryResetDisarmed;

        public void Raise(string name) => (name switch
        {
            nameof(NewRoomCodeRequested) => NewRoomCodeRequested,
            nameof(FactoryResetArmed) => FactoryResetArmed,
            nameof(FactoryResetConfirmed) => FactoryResetConfirmed,
            _ => FactoryResetDisarmed,
        })?.Invoke(this, EventArgs.Empty);

        public void Dispose() { }
    }
}
