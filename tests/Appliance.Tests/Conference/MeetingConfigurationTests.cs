using Appliance.Hosting;
using Microsoft.Extensions.Configuration;

namespace Appliance.Tests.Conference;

public sealed class MeetingConfigurationTests
{
    private static IConfiguration CommandLine(params string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddCommandLine(args);
        ConfigurationSources.AddCommandLineAliases(configuration, args);
        return configuration;
    }

    [Fact]
    public void Demo_switch_sets_the_number_of_demo_participants()
    {
        var configuration = CommandLine("--demo", "3");
        Assert.Equal("3", configuration["Meeting:DemoParticipants"]);
        Assert.Empty(ConfigurationErrors.Find(configuration));
    }

    [Theory]
    [InlineData("9", "Meeting:DemoParticipants (--demo) is 9; it must be from 0 to 8.")]
    [InlineData("-1", "Meeting:DemoParticipants (--demo) is -1; it must be from 0 to 8.")]
    public void Too_many_demo_participants_stop_start_up_naming_the_setting(string value, string expected)
    {
        Assert.Equal([expected], ConfigurationErrors.Find(CommandLine("--demo", value)));
    }

    [Fact]
    public void Demo_participants_must_leave_room_for_a_real_one()
    {
        var error = Assert.Single(ConfigurationErrors.Find(CommandLine("--demo", "4", "--Meeting:MaxParticipants=4")));
        Assert.Contains("Meeting:MaxParticipants", error);
    }
}
