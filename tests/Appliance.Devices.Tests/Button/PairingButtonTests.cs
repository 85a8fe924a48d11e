using CsCheck;

namespace Appliance.Devices.Tests.Button;

public sealed class PairingButtonTests
{
    [Fact]
    public void A_short_press_asks_for_a_new_room_code_once_on_release()
    {
        using var rig = new ButtonRig();

        rig.Down();
        rig.Wait(200);
        Assert.Empty(rig.Events); // nothing until the release: it might become a long hold

        rig.Up();
        rig.Wait(100);
        Assert.Equal(["room-code"], rig.Events);
    }

    [Fact]
    public void A_press_just_under_the_hold_time_is_still_a_short_press()
    {
        using var rig = new ButtonRig();

        rig.Press(9_900);

        Assert.Equal(["room-code"], rig.Events);
    }

    [Fact]
    public void Bouncy_edges_count_as_one_press()
    {
        using var rig = new ButtonRig();

        // The contact chatters for a few milliseconds on closing and on opening.
        foreach (bool level in new[] { false, true, false, true, false })
        {
            rig.Gpio.SetInput(ButtonRig.Pin, level);
            rig.Wait(2);
        }

        rig.Wait(300);
        foreach (bool level in new[] { true, false, true, false, true })
        {
            rig.Gpio.SetInput(ButtonRig.Pin, level);
            rig.Wait(3);
        }

        rig.Wait(100);
        Assert.Equal(["room-code"], rig.Events);
    }

    [Fact]
    public void A_glitch_shorter_than_the_debounce_time_is_ignored()
    {
        using var rig = new ButtonRig();

        rig.Down();
        rig.Wait(10); // under the 30 ms debounce
        rig.Up();
        rig.Wait(500);

        Assert.Empty(rig.Events);
    }

    [Fact]
    public void A_ten_second_hold_arms_the_factory_reset_and_a_second_press_confirms_it()
    {
        using var rig = new ButtonRig();

        rig.Down();
        rig.Wait(10_000 + 30);
        Assert.Equal(["armed"], rig.Events);

        rig.Up();
        rig.Wait(2_000);
        Assert.Equal(["armed"], rig.Events); // releasing the long hold is not a short press

        rig.Down();
        rig.Wait(100);
        Assert.Equal(["armed", "confirmed"], rig.Events);

        rig.Up();
        rig.Wait(20_000);
        Assert.Equal(["armed", "confirmed"], rig.Events); // nor is releasing the confirming press
    }

    [Fact]
    public void Without_a_confirming_press_the_factory_reset_disarms_after_the_window()
    {
        using var rig = new ButtonRig();

        rig.Press(10_500);
        Assert.Equal(["armed"], rig.Events);

        // Armed at 10.03 s (debounce + hold); the window closes 10 s later, at 20.03 s.
        rig.Wait(9_400); // now 20.0 s
        Assert.Equal(["armed"], rig.Events);
        rig.Wait(100);
        Assert.Equal(["armed", "disarmed"], rig.Events);

        rig.Press(100); // back to normal: a short press is a short press again
        Assert.Equal(["armed", "disarmed", "room-code"], rig.Events);
    }

    [Fact]
    public void Holding_through_the_whole_window_disarms_and_the_release_does_nothing()
    {
        using var rig = new ButtonRig();

        rig.Down();
        rig.Wait(25_000);
        rig.Up();
        rig.Wait(100);

        Assert.Equal(["armed", "disarmed"], rig.Events);
    }

    [Fact]
    public void A_disposed_button_raises_nothing_and_unsubscribes()
    {
        var rig = new ButtonRig();
        rig.Dispose();

        rig.Press(100);
        rig.Press(11_000);

        Assert.Empty(rig.Events);
    }

    [Fact]
    public void Any_bounce_shorter_than_the_debounce_time_gives_exactly_one_short_press()
    {
        // Bounce: a list of gaps (1-29 ms, each under the 30 ms debounce) between level flips.
        Gen<int[]> bounce = Gen.Int[1, 29].Array[0, 12];
        Gen.Select(bounce, bounce, Gen.Int[40, 9_000]).Sample((closing, opening, heldMs) =>
        {
            using var rig = new ButtonRig();
            Chatter(rig, closing, settleTo: false);
            rig.Wait(heldMs);
            Chatter(rig, opening, settleTo: true);
            rig.Wait(100);

            return rig.Events.SequenceEqual(["room-code"]);
        });
    }

    /// <summary>Flips the pin once per gap, ending at <paramref name="settleTo"/>.</summary>
    private static void Chatter(ButtonRig rig, int[] gaps, bool settleTo)
    {
        bool level = gaps.Length % 2 == 0 ? settleTo : !settleTo;
        foreach (int gap in gaps)
        {
            rig.Gpio.SetInput(ButtonRig.Pin, level);
            rig.Wait(gap);
            level = !level;
        }

        rig.Gpio.SetInput(ButtonRig.Pin, settleTo);
    }
}
