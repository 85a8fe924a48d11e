using Appliance.Devices.Display;
using Appliance.Devices.Gpio;
using Appliance.Devices.Hosting;
using Appliance.Devices.I2c;
using Appliance.Devices.Led;
using Appliance.Devices.Simulation;
using Appliance.Devices.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Devices.Tests.Hosting;

public sealed class DeviceProbeTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingLogger<DeviceProbe> _log = new();
    private readonly SimulatedGpioPins _gpio;
    private readonly SimulatedI2cBus _i2c = new(busId: 1);
    private readonly List<int> _chipsOpened = new();

    public DeviceProbeTests()
    {
        _gpio = new SimulatedGpioPins(_time);
    }

    [Fact]
    public void Without_gpio_chips_the_led_and_button_are_off_with_one_log_line()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.MiniPc).Open(new DeviceOptions { DisplayEnabled = false });

        Assert.False(devices.HasLed);
        Assert.False(devices.HasButton);
        Assert.Empty(_chipsOpened);
        var line = Assert.Single(_log.Lines);
        Assert.Contains("No GPIO chip", line.Message);
        devices.Led.Show(LedState.Error); // the stand-ins accept calls
        Assert.Equal(LedState.Error, devices.Led.State);
    }

    [Fact]
    public void Without_an_i2c_bus_the_display_is_off_with_one_log_line()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.MiniPc)
            .Open(new DeviceOptions { LedEnabled = false, ButtonEnabled = false });

        Assert.False(devices.HasScreen);
        var line = Assert.Single(_log.Lines);
        Assert.Contains("/dev/i2c-1", line.Message);
        devices.Screen.Update(new StatusScreenModel("a", "b", 1, null)); // no throw
    }

    [Fact]
    public void A_machine_without_any_hardware_gives_one_line_per_feature_and_no_exception()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.MiniPc).Open(new DeviceOptions());

        Assert.False(devices.HasLed || devices.HasButton || devices.HasScreen);
        Assert.Equal(2, _log.Lines.Count); // GPIO (LED and button) and I2C (display)
    }

    [Theory]
    [InlineData(typeof(DllNotFoundException))]
    [InlineData(typeof(TypeInitializationException))]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(UnauthorizedAccessException))]
    public void A_missing_libgpiod_or_unusable_chip_turns_gpio_off_with_one_log_line(Type failure)
    {
        Exception error = failure == typeof(TypeInitializationException)
            ? new TypeInitializationException("Interop.LibGpiod", new DllNotFoundException("libgpiod.so.2"))
            : (Exception)Activator.CreateInstance(failure, "simulated")!;
        var probe = new DeviceProbe(FakeDeviceEnvironment.RaspberryPi5, _time, _log, _ => throw error, _ => _i2c);

        using ApplianceDevices devices = probe.Open(new DeviceOptions { DisplayEnabled = false });

        Assert.False(devices.HasLed);
        Assert.False(devices.HasButton);
        var line = Assert.Single(_log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("libgpiod", line.Message);
    }

    [Fact]
    public void The_gpio_chip_is_chosen_by_label_not_by_number()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.RaspberryPi5).Open(new DeviceOptions { DisplayEnabled = false });

        Assert.Equal([4], _chipsOpened);
        Assert.True(devices.HasLed);
        Assert.True(devices.HasButton);
    }

    [Fact]
    public void A_configured_label_that_is_not_present_names_the_chips_found()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.RaspberryPi5)
            .Open(new DeviceOptions { GpioChipLabel = "pinctrl-bcm2711", DisplayEnabled = false });

        Assert.False(devices.HasLed);
        Assert.Empty(_chipsOpened);
        var line = Assert.Single(_log.Lines);
        Assert.Contains("pinctrl-bcm2711", line.Message);
        Assert.Contains("gpiochip4=pinctrl-rp1", line.Message);
        Assert.Contains("Devices:GpioChipLabel", line.Message);
    }

    [Fact]
    public void A_display_that_does_not_answer_is_off_with_one_log_line()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.RaspberryPi5)
            .Open(new DeviceOptions { LedEnabled = false, ButtonEnabled = false });

        Assert.False(devices.HasScreen);
        var line = Assert.Single(_log.Lines);
        Assert.Contains("0x3C", line.Message);
    }

    [Fact]
    public void Present_hardware_is_driven_through_the_buses()
    {
        var panel = new SimulatedSsd1306();
        _i2c.Attach(panel);

        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.RaspberryPi5).Open(new DeviceOptions());
        devices.Led.Show(LedState.Ready);
        devices.Screen.Update(new StatusScreenModel("https://10.0.0.2", "1234", 2, null));

        Assert.True(devices.HasLed && devices.HasButton && devices.HasScreen);
        Assert.True(_gpio.Level(17));
        Assert.True(panel.IsDisplayOn);
        Assert.Equal("PEOPLE: 2", ScreenReader.Read(panel, 0, StatusScreen.PeopleY, 9));
        Assert.All(_log.Lines, l => Assert.Equal(LogLevel.Information, l.Level));
    }

    [Fact]
    public void The_button_events_come_through_the_device_set()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.RaspberryPi5).Open(new DeviceOptions { DisplayEnabled = false });
        int requests = 0;
        devices.Button.NewRoomCodeRequested += (_, _) => requests++;

        _gpio.SetInput(27, false);
        _time.Run(TimeSpan.FromMilliseconds(200));
        _gpio.SetInput(27, true);
        _time.Run(TimeSpan.FromMilliseconds(200));

        Assert.Equal(1, requests);
    }

    [Fact]
    public void Disposing_the_device_set_turns_things_off_and_closes_the_buses()
    {
        var panel = new SimulatedSsd1306();
        _i2c.Attach(panel);
        ApplianceDevices devices = Probe(FakeDeviceEnvironment.RaspberryPi5).Open(new DeviceOptions());
        devices.Led.Show(LedState.Ready);

        devices.Dispose();

        Assert.False(_gpio.Level(17));
        Assert.True(_gpio.IsDisposed);
        Assert.False(panel.IsDisplayOn);
        Assert.True(panel.IsDisposed);
    }

    [Fact]
    public void Invalid_settings_turn_everything_off_with_one_warning_naming_the_setting()
    {
        using ApplianceDevices devices = Probe(FakeDeviceEnvironment.RaspberryPi5).Open(new DeviceOptions { ButtonPin = 17 });

        Assert.False(devices.HasLed || devices.HasButton || devices.HasScreen);
        var line = Assert.Single(_log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("Devices:ButtonPin", line.Message);
    }

    [Fact]
    public void The_real_probe_on_this_machine_never_throws()
    {
        var probe = new DeviceProbe(TimeProvider.System, _log);

        using ApplianceDevices devices = probe.Open(new DeviceOptions());

        Assert.NotNull(devices.Led);
        Assert.InRange(_log.Lines.Count, 1, 4);
    }

    private DeviceProbe Probe(IDeviceEnvironment environment) =>
        new(environment, _time, _log, OpenGpio, _ => _i2c);

    private IGpioPins OpenGpio(int chip)
    {
        _chipsOpened.Add(chip);
        return _gpio;
    }
}
