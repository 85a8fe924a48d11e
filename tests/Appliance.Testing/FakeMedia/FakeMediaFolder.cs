using System.Collections.Concurrent;

namespace Appliance.Testing.FakeMedia;

/// <summary>
/// A temporary folder holding the fake media files of a test's participants, written on
/// first use and deleted with the folder on dispose. Safe to use from parallel tests.
/// </summary>
public sealed class FakeMediaFolder : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<FakeParticipantMedia>> _participants = new();
    private readonly Y4mFormat _format;

    public FakeMediaFolder(Y4mFormat? format = null)
    {
        _format = format ?? Y4mFormat.Default;
        Path = Directory.CreateTempSubdirectory("appliance-fake-media-").FullName;
    }

    public string Path { get; }

    /// <summary>Participant <paramref name="index"/>'s media (0 ≤ index &lt; <see cref="ParticipantPalette.Count"/>).</summary>
    public FakeParticipantMedia Participant(int index) =>
        _participants.GetOrAdd(index, i => new Lazy<FakeParticipantMedia>(() => FakeParticipantMedia.Write(Path, i, _format))).Value;

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
