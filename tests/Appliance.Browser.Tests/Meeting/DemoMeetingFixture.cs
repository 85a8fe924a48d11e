namespace Appliance.Browser.Tests.Meeting;

/// <summary>The meeting box started with <c>--demo 2</c>: two synthetic participants are in the room before anyone joins.</summary>
public sealed class DemoMeetingFixture : MeetingFixture
{
    public const int DemoParticipants = 2;

    protected override IEnumerable<string> Settings => ["--demo", DemoParticipants.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}
