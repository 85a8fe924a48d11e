using Appliance.Hosting;

namespace Appliance.Tests.Hosting;

public class NativeHeapTuningTests
{
    [Fact]
    public void Glibc_takes_the_arena_cap_unless_the_environment_sets_one()
    {
        // The appliance runs on Debian (glibc): mallopt is there and accepts M_ARENA_MAX.
        bool expected = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null;
        Assert.Equal(expected, NativeHeapTuning.LimitArenas());
    }
}
