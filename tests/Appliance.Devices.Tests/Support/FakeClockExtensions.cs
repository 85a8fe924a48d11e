using Microsoft.Extensions.Time.Testing;

namespace Appliance.Devices.Tests.Support;

public static class FakeClockExtensions
{
    /// <summary>
    /// Advances the fake clock one millisecond at a time. FakeTimeProvider.Advance moves the
    /// clock to the end first and then fires what is due, so a timer that re-arms itself from
    /// its callback (a blink step, a debounce then a hold) would be scheduled from the end of a
    /// long jump; small steps make every timer fire at its own instant.
    /// </summary>
    public static void Run(this FakeTimeProvider time, TimeSpan duration)
    {
        TimeSpan step = TimeSpan.FromMilliseconds(1);
        for (TimeSpan done = TimeSpan.Zero; done < duration; done += step)
        {
            time.Advance(step);
        }
    }
}
