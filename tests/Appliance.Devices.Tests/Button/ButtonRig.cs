using Appliance.Devices.Button;
using Appliance.Devices.Simulation;
using Appliance.Devices.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Devices.Tests.Button;

/// <summary>
/// A pairing button wired the usual way (pin 27 to ground, internal pull-up: pressed = low) on a
/// simulated GPIO chip, with a fake clock and a log of the events it raised.
/// </summary>
internal sealed class ButtonRig : IDisposable
{
    public const int Pin = 27;

    public ButtonRig()
    {
        Gpio = new SimulatedGpioPins(Time);
        Button = new PairingButton(Gpio, Pin, activeLow: true, PairingButtonTiming.Default, Time);
        Button.NewRoomCodeRequested += (_, _) => Events.Add("room-code");
        Button.FactoryResetArmed += (_, _) => Events.Add("armed");
        Button.FactoryResetConfirmed += (_, _) => Events.Add("confirmed");
        Button.FactoryResetDisarmed += (_, _) => Events.Add("disarmed");
    }

    public FakeTimeProvider Time { get; } = new();

    public SimulatedGpioPins Gpio { get; }

    public PairingButton Button { get; }

    public List<string> Events { get; } = new();

    /// <summary>The contact closes (the pin goes low).</summary>
    public void Down() => Gpio.SetInput(Pin, false);

    /// <summary>The contact opens (the pull-up takes the pin high).</summary>
    public void Up() => Gpio.SetInput(Pin, true);

    public void Wait(double milliseconds) => Time.Run(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>A clean press held for a while, then a clean release, then a settle time.</summary>
    public void Press(double heldMilliseconds)
    {
        Down();
        Wait(heldMilliseconds);
        Up();
        Wait(100);
    }

    public void Dispose() => Button.Dispose();
}
