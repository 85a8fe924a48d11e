using Appliance.Devices.Led;
using Appliance.Devices.Simulation;
using Appliance.Devices.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Devices.Tests.Led;

public sealed class StatusLedTests
{
    private const int Pin = 17;
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioPins _gpio;
    private readonly DateTimeOffset _start;

    public StatusLedTests()
    {
        _gpio = new SimulatedGpioPins(_time);
        _start = _time.GetUtcNow();
    }

    [Fact]
    public void Starting_blinks_slowly_500ms_on_500ms_off()
    {
        using var led = new StatusLed(_gpio, [Pin], activeHigh: true, _time);

        _time.Run(TimeSpan.FromMilliseconds(2000));

        Assert.Equal(LedState.Starting, led.State);
        Assert.Equal([(0, true), (500, false), (1000, true), (1500, false), (2000, true)], Transitions(Pin));
    }

    [Fact]
    public void Ready_is_steady_on()
    {
        using var led = new StatusLed(_gpio, [Pin], activeHigh: true, _time);
        led.Show(LedState.Ready);
        int writes = _gpio.Writes.Count;

        _time.Run(TimeSpan.FromMinutes(5));

        Assert.True(_gpio.Level(Pin));
        Assert.Equal(writes, _gpio.Writes.Count);
    }

    [Fact]
    public void MeetingInProgress_double_blinks_every_1500ms()
    {
        using var led = new StatusLed(_gpio, [Pin], activeHigh: true, _time);
        led.Show(LedState.MeetingInProgress);

        _time.Run(TimeSpan.FromMilliseconds(3000));

        Assert.Equal(
            [(0, true), (150, false), (300, true), (450, false), (1500, true), (1650, false), (1800, true), (1950, false), (3000, true)],
            Transitions(Pin));
    }

    [Fact]
    public void Error_blinks_fast_100ms_from_the_moment_it_is_shown()
    {
        using var led = new StatusLed(_gpio, [Pin], activeHigh: true, _time);
        _time.Run(TimeSpan.FromMilliseconds(300)); // part way through Starting's first "on"
        DateTimeOffset shown = _time.GetUtcNow();
        led.Show(LedState.Error);

        _time.Run(TimeSpan.FromMilliseconds(400));

        Assert.Equal([(0, true), (100, false), (200, true), (300, false), (400, true)], TransitionsAfter(Pin, shown));
    }

    [Fact]
    public void Showing_the_current_state_again_does_not_restart_its_pattern()
    {
        using var led = new StatusLed(_gpio, [Pin], activeHigh: true, _time);
        led.Show(LedState.MeetingInProgress);
        _time.Run(TimeSpan.FromMilliseconds(200)); // in the first "off" gap

        led.Show(LedState.MeetingInProgress);
        _time.Run(TimeSpan.FromMilliseconds(400));

        Assert.Equal([(0, true), (150, false), (300, true), (450, false)], Transitions(Pin));
    }

    [Fact]
    public void Active_low_led_is_inverted()
    {
        using var led = new StatusLed(_gpio, [Pin], activeHigh: false, _time);
        led.Show(LedState.Ready);

        Assert.False(_gpio.Level(Pin));
    }

    [Fact]
    public void Rgb_led_shows_the_states_colour_and_blinks_only_that_colour()
    {
        const int Red = 5, Green = 6, Blue = 13;
        using var led = new StatusLed(_gpio, [Red, Green, Blue], activeHigh: true, _time);

        led.Show(LedState.MeetingInProgress);
        _time.Run(TimeSpan.FromMilliseconds(1500));

        Assert.Equal([(0, true), (150, false), (300, true), (450, false), (1500, true)], Transitions(Blue));
        Assert.False(_gpio.Level(Red));
        Assert.False(_gpio.Level(Green));

        led.Show(LedState.Ready);
        Assert.Equal((false, true, false), (_gpio.Level(Red), _gpio.Level(Green), _gpio.Level(Blue)));
    }

    [Fact]
    public void Dispose_turns_the_led_off_and_stops_the_timer()
    {
        var led = new StatusLed(_gpio, [Pin], activeHigh: true, _time);
        led.Dispose();
        int writes = _gpio.Writes.Count;

        _time.Run(TimeSpan.FromSeconds(10));

        Assert.False(_gpio.Level(Pin));
        Assert.Equal(writes, _gpio.Writes.Count);
        Assert.False(_gpio.IsDisposed); // the bus belongs to whoever made it
    }

    /// <summary>
    /// The level changes of a pin as (milliseconds since the start, level): repeats removed, and
    /// of several writes at one instant only the last (what the LED showed).
    /// </summary>
    private List<(int Ms, bool High)> Transitions(int pin) => TransitionsAfter(pin, _start);

    private List<(int Ms, bool High)> TransitionsAfter(int pin, DateTimeOffset origin)
    {
        var result = new List<(int, bool)>();
        bool? last = null;
        foreach (PinWrite write in _gpio.Writes.Where(w => w.Pin == pin && w.At >= origin))
        {
            int ms = (int)(write.At - origin).TotalMilliseconds;
            if (result.Count > 0 && result[^1].Item1 == ms)
            {
                result.RemoveAt(result.Count - 1);
                last = result.Count > 0 ? result[^1].Item2 : null;
            }

            if (write.High != last)
            {
                result.Add((ms, write.High));
                last = write.High;
            }
        }

        return result;
    }
}
