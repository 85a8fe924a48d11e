namespace Appliance.LoadTool.Measurement;

/// <summary>
/// When each frame of one participant's loop last went out: the <see cref="System.Diagnostics.Stopwatch"/> time just
/// before its first packet was sent. Written by the sender, read by every receiver that finds the frame's marker in a
/// mixed picture. A loop lasts several seconds, far longer than any frame stays in the box.
/// </summary>
public sealed class SendLog(int loopFrames)
{
    private readonly long[] _sentAt = new long[loopFrames];

    public void OnSent(int frame, long at) => Volatile.Write(ref _sentAt[frame], at);

    /// <summary>When frame <paramref name="frame"/> was last sent, or 0 when it has not been yet.</summary>
    public long SentAt(int frame) => (uint)frame < (uint)_sentAt.Length ? Volatile.Read(ref _sentAt[frame]) : 0;
}
