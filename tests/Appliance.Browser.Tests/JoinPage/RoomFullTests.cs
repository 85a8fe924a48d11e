using Appliance.Browser.Tests.Echo;
using Appliance.Browser.Tests.Meeting;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>A box whose meeting holds one participant.</summary>
public sealed class OneSeatFixture() : JoinFlowFixture(["--Meeting:MaxParticipants=1"]);

/// <summary>The second person to join a one-seat meeting is told the meeting is full and what to do.</summary>
[Collection(EchoCollection.Name)]
public sealed class RoomFullTests(OneSeatFixture fixture) : IClassFixture<OneSeatFixture>
{
    [Fact]
    public async Task The_second_participant_of_a_one_seat_meeting_is_told_it_is_full()
    {
        await using var first = await fixture.OpenAsync(BrowserKind.Chromium, 0);
        await new JoinForm(first).JoinAsync("First", fixture.Room.Code);
        await new MeetingPage(first).WaitForConnectedAsync();
        await using var second = await fixture.OpenAsync(BrowserKind.Chromium, 1);
        var form = new JoinForm(second);

        await form.JoinAsync("Second", fixture.Room.Code);

        await Assertions.Expect(form.Error).ToHaveTextAsync(
            "The meeting is full. Ask someone to leave, or ask the box's admin to allow more participants.");
        await Assertions.Expect(form.Meeting).ToBeHiddenAsync();
        Assert.Equal(1, fixture.Room.Count);
    }
}
