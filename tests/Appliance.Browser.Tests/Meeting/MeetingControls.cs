using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// The in-meeting view of the join page (web-ui/meeting.js) as a participant uses it: the control buttons
/// by their accessible names, the participant list (<c>#participants</c>, one item per roster entry with
/// <c>data-id</c>, <c>data-speaking</c>, <c>data-mic-muted</c>, <c>data-camera-off</c>) and the notice line.
/// </summary>
public static class MeetingControls
{
    private static readonly TimeSpan RosterTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The participant's own id, as the box gave it in "joined".</summary>
    public static Task<string> ParticipantIdAsync(this MeetingPage page) =>
        page.Page.EvaluateAsync<string>("() => window.appliance.meeting.participantId");

    /// <summary>Presses a control by its accessible name (a real click, so getDisplayMedia has its user gesture).</summary>
    public static Task PressAsync(this MeetingPage page, string name) =>
        page.Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Waits until the participant list shows an item matching <paramref name="selector"/> (inside #participants).</summary>
    public static async Task WaitForListedAsync(this MeetingPage page, string selector, string wanted)
    {
        try
        {
            await page.Page.Locator($"#participants {selector}").First.WaitForAsync(new() { Timeout = (float)RosterTimeout.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{page}: the participant list never showed {wanted}; it shows \"{await ListTextAsync(page)}\"", e);
        }
    }

    /// <summary>The participant list's text, one line per participant.</summary>
    public static async Task<string> ListTextAsync(this MeetingPage page) =>
        string.Join(" | ", await page.Page.Locator("#participants li").AllInnerTextsAsync());

    /// <summary>The item selector of participant <paramref name="id"/> with the given data attributes.</summary>
    public static string Item(string id, string attributes = "") => $"li[data-id=\"{id}\"]{attributes}";
}

/// <summary>
/// Where the box's presenter layout puts things, worked out here from the canvas alone: the shared screen in the
/// left 80 % (letterboxed), the participants' cameras in a column of canvas-aspect thumbnails on the right, 120 of
/// the 128 pixels wide on the tests' 640x360 canvas, stacked and centred vertically. The regions sampled are a band across
/// the top of each thumbnail, clear of the fake camera's moving marker, the name label and a placeholder's name.
/// </summary>
public static class MeetingPresenter
{
    /// <summary>The middle of the screen's area (inside any letterbox bars).</summary>
    public static readonly VideoRegion Screen = new(0.1, 0.3, 0.6, 0.4);

    /// <summary>The top band of camera thumbnail <paramref name="index"/> of <paramref name="count"/> in the right-hand column.</summary>
    public static VideoRegion Thumbnail(int count, int index)
    {
        const double canvasWidth = MeetingFixture.CanvasWidth, canvasHeight = MeetingFixture.CanvasHeight;
        const double thumbWidth = 120, thumbHeight = thumbWidth * canvasHeight / canvasWidth, gap = 4;
        var column = count * thumbHeight + (count - 1) * gap;
        var top = (canvasHeight - column) / 2 + index * (thumbHeight + gap);
        return new VideoRegion(0.85, (top + 0.05 * thumbHeight) / canvasHeight, 0.1, 0.12 * thumbHeight / canvasHeight);
    }
}
