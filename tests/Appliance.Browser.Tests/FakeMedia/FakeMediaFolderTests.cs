using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.FakeMedia;

public class FakeMediaFolderTests
{
    [Fact]
    public void Each_participant_gets_its_own_files_colour_and_tone_once()
    {
        using var folder = new FakeMediaFolder(new Y4mFormat(64, 36, 10, 1));

        var first = folder.Participant(0);
        var second = folder.Participant(1);

        Assert.Same(first, folder.Participant(0));
        Assert.NotEqual(first.VideoPath, second.VideoPath);
        Assert.NotEqual(first.AudioPath, second.AudioPath);
        Assert.True(File.Exists(first.VideoPath) && File.Exists(first.AudioPath));
        Assert.Equal(ParticipantPalette.Colour(1), second.Colour);
        Assert.Equal(YuvColour.FromRgb(second.Colour), second.Yuv);
        Assert.Equal(ParticipantPalette.ToneHz(1), second.ToneHz);
    }

    [Fact]
    public void Disposing_deletes_the_folder_and_its_files()
    {
        var folder = new FakeMediaFolder(new Y4mFormat(64, 36, 10, 1));
        var media = folder.Participant(2);

        folder.Dispose();

        Assert.False(Directory.Exists(folder.Path));
        Assert.False(File.Exists(media.VideoPath));
    }
}
