using Appliance.Admin.Live;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Tests.Admin;

public sealed class SystemStateTests
{
    [Fact]
    public void Without_thermal_zones_the_temperature_is_not_available()
    {
        var state = new SystemState(TimeProvider.System) { ThermalRoot = "/no/such/thermal" };

        var snapshot = state.Read();

        Assert.Null(snapshot.TemperatureCelsius);
        Assert.True(snapshot.MemoryTotalBytes > 0);
        Assert.InRange(snapshot.MemoryUsedBytes, 1, snapshot.MemoryTotalBytes);
        Assert.False(string.IsNullOrEmpty(snapshot.Version));
    }

    [Fact]
    public void The_hottest_readable_zone_is_reported_in_celsius()
    {
        var root = Directory.CreateTempSubdirectory("thermal-").FullName;
        try
        {
            Zone(root, 0, "45500\n");
            Zone(root, 1, "61250\n");
            Zone(root, 2, "not a number\n");
            var clock = new FakeTimeProvider();
            var state = new SystemState(clock) { ThermalRoot = root };
            clock.Advance(TimeSpan.FromSeconds(42));

            var snapshot = state.Read();

            Assert.Equal(61.25, snapshot.TemperatureCelsius);
            Assert.Equal(42, snapshot.UptimeSeconds);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Cpu_use_is_a_share_of_all_cpus()
    {
        var state = new SystemState(TimeProvider.System);

        var sinceBoot = state.Read().CpuPercent; // the first reading covers the time since boot

        Assert.NotNull(sinceBoot);
        Assert.InRange(sinceBoot!.Value, 0.1, 100);
    }

    private static void Zone(string root, int index, string temp)
    {
        var zone = Directory.CreateDirectory(Path.Combine(root, $"thermal_zone{index}")).FullName;
        File.WriteAllText(Path.Combine(zone, "temp"), temp);
    }
}
