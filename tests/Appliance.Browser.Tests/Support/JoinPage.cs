using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.Support;

/// <summary>The box's join page (web-ui/index.html and join.js) as a participant's browser shows it.</summary>
public sealed class JoinPage(BrowserParticipant participant)
{
    public const string PreviewSelector = "#preview";

    /// <summary>join.js: <c>window.appliance.preview</c> resolves to the getUserMedia stream (or null).</summary>
    private const string PreviewStream = "window.appliance.preview";

    public BrowserParticipant Participant { get; } = participant;

    public Task<bool> IsSecureContextAsync() => Participant.Page.EvaluateAsync<bool>("() => window.isSecureContext");

    public Task<string> ProtocolAsync() => Participant.Page.EvaluateAsync<string>("() => location.protocol");

    /// <summary>Waits for the box's welcome: join.js then sets <c>document.body.dataset.connectionId</c>.</summary>
    public async Task<string> WaitForConnectionIdAsync()
    {
        try
        {
            var handle = await Participant.Page.WaitForFunctionAsync("() => document.body.dataset.connectionId || false");
            return await handle.JsonValueAsync<string>();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{Participant} was never welcomed. Status: \"{await StatusAsync()}\"; "
                + $"error: \"{await VisibleErrorAsync()}\"; console: {string.Join(" | ", Participant.ConsoleMessages)}", e);
        }
    }

    public Task<string> StatusAsync() => Participant.Page.Locator("#status").InnerTextAsync();

    /// <summary>The error line join.js shows, or null when it is hidden.</summary>
    public async Task<string?> VisibleErrorAsync()
    {
        var error = Participant.Page.Locator("#error");
        return await error.IsVisibleAsync() ? await error.InnerTextAsync() : null;
    }

    /// <summary>The kind and readyState of every track of the preview stream, once getUserMedia has settled.</summary>
    public Task<TrackState[]> PreviewTracksAsync() => Participant.Page.EvaluateAsync<TrackState[]>($$"""
        async () => {
          const stream = await {{PreviewStream}};
          return stream ? stream.getTracks().map(t => ({ Kind: t.kind, ReadyState: t.readyState, Label: t.label })) : [];
        }
        """);

    public Task<VideoSample> WaitForPreviewColourAsync(RgbColour expected, double tolerance) =>
        VideoProbe.WaitForColourAsync(Participant.Page, PreviewSelector, VideoRegion.AboveMarker, expected, tolerance);

    public Task<VideoSample> WaitForFlatPreviewColourAsync() =>
        VideoProbe.WaitForFlatColourAsync(Participant.Page, PreviewSelector, VideoRegion.AboveMarker);

    public Task<int> WaitForPreviewFramesAsync(int frames) =>
        VideoProbe.WaitForFramesAsync(Participant.Page, PreviewSelector, frames);

    public Task<ToneSample> MicrophoneToneAsync() => AudioProbe.DominantToneAsync(Participant.Page, PreviewStream);
}

/// <summary>A MediaStreamTrack's kind, readyState and label (settable: Playwright fills it from JSON).</summary>
public sealed record TrackState
{
    public string Kind { get; init; } = "";
    public string ReadyState { get; init; } = "";
    public string Label { get; init; } = "";
}
