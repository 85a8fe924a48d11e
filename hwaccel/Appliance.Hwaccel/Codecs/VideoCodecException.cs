namespace Appliance.Hwaccel.Codecs;

/// <summary>A codec could not be opened, or failed while running (a hardware encoder losing its device).</summary>
public sealed class VideoCodecException : Exception
{
    public VideoCodecException(string message) : base(message) { }

    public VideoCodecException(string message, Exception inner) : base(message, inner) { }
}
