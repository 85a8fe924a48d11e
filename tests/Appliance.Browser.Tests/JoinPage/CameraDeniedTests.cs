using Appliance.Browser.Tests.Echo;
using Appliance.Browser.Tests.Meeting;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>
/// A person who does not let the browser use the camera (but does the microphone) is told they
/// join with sound only, joins, and receives the mix: video receive-only, their voice sent.
/// Chromium without <c>--use-fake-ui-for-media-stream</c> asks for permission; the context
/// grants only the microphone, so the camera request is refused as a person's "Block" would.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class CameraDeniedTests(JoinFlowFixture fixture) : IClassFixture<JoinFlowFixture>
{
    [Fact]
    public async Task With_the_camera_denied_the_page_says_so_and_joins_with_sound_only_receiving_the_mix()
    {
        await using var participant = await fixture.OpenAsync(BrowserKind.Chromium, 0, "/", options =>
        {
            options.Args = options.Args!.Where(a => a != "--use-fake-ui-for-media-stream").ToArray();
            options.Permissions = ["microphone"];
        });
        var form = new JoinForm(participant);

        await Assertions.Expect(form.MediaProblem).ToHaveTextAsync(
            "The browser is not allowed to use your camera, so you will join with sound only. "
            + "To be seen, allow the camera in the address bar and reload the page.");
        await Assertions.Expect(participant.Page.Locator("#preview-off")).ToBeVisibleAsync();
        await form.JoinAsync("Listener", fixture.Room.Code);
        var meeting = new MeetingPage(participant);
        await meeting.WaitForConnectedAsync();
        var stats = await meeting.WaitForFramesDecodedAsync(10, JoinForm.MediaTimeout);

        Assert.Equal((1, 1), (stats.InboundVideoStreams, stats.InboundAudioStreams));
        var sent = await participant.Page.EvaluateAsync<string[]>(
            "() => window.appliance.meeting.pc.getSenders().filter(s => s.track).map(s => s.track.kind)");
        Assert.Equal(["audio"], sent);
        await Assertions.Expect(form.Meeting).ToBeVisibleAsync();
    }
}
