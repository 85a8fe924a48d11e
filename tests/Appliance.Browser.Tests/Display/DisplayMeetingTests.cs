using Appliance.Browser.Tests.Echo;
using Appliance.Browser.Tests.JoinPage;
using Appliance.Browser.Tests.Meeting;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Display;

/// <summary>
/// The room display while people meet (issue 5): it joins as a receive-only display, shows the
/// mix full-screen with the code in a corner, is no tile and not in the participant list, and
/// goes back to the big code when the room empties.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class DisplayMeetingTests(JoinFlowFixture fixture) : IClassFixture<JoinFlowFixture>
{
    private const double ColourTolerance = ChromiumEchoTests.ColourTolerance;

    [Fact]
    public async Task During_a_meeting_the_display_shows_the_mix_with_the_code_in_a_corner_and_is_not_a_participant()
    {
        await using var display = await fixture.OpenAsync(BrowserKind.Chromium, 6, "/display");
        var lobby = display.Page.Locator("#lobby");
        await Assertions.Expect(lobby).ToBeVisibleAsync();
        await using var participant = await fixture.OpenAsync(BrowserKind.Chromium, 0);
        await new JoinForm(participant).JoinAsync("Barbara", fixture.Room.Code);
        await new MeetingPage(participant).WaitForConnectedAsync();

        var meetingView = display.Page.GetByRole(AriaRole.Region, new() { Name = "The meeting" });
        await Assertions.Expect(meetingView).ToBeVisibleAsync();
        await Assertions.Expect(lobby).ToBeHiddenAsync();
        await Assertions.Expect(display.Page.Locator("#corner-code")).ToHaveTextAsync(fixture.Room.Code);
        // The one participant fills the mix: the display shows their camera, not a tile of its own.
        var shown = await VideoProbe.WaitForColourAsync(display.Page, "#mix", MeetingGrid.TileMiddleOf(1, 0),
            fixture.Media.Participant(0).ExpectedRgb, ColourTolerance);
        Assert.True(shown.VideoWidth > 0);
        await Assertions.Expect(participant.Page.Locator("#participants li")).ToHaveCountAsync(1);
        await Assertions.Expect(participant.Page.Locator("#participants")).ToContainTextAsync("Barbara");
        await Screenshots.SaveAsync(display.Page, "display-meeting-desktop-chromium", Screenshots.Desktop);

        await participant.DisposeAsync();

        await Assertions.Expect(lobby).ToBeVisibleAsync();
        await Assertions.Expect(display.Page.Locator("#room-code")).ToHaveTextAsync(fixture.Room.Code);
    }
}
