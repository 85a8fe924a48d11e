using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Media.Streams;
using Microsoft.Extensions.Logging;

namespace Appliance.Mcu;

/// <summary>
/// One encoder shared by every receiver of one <see cref="OutputProfile"/>: the room's canvas
/// is encoded once per tick and the same frame goes to every member. A new member, or a
/// member's PLI/FIR, asks for a key frame; requests are throttled per group (default one per
/// second), so one lossy receiver does not make everyone's picture pulse (DESIGN.md section 8).
/// Encode runs on the media clock's thread; members join, leave and ask for key frames from any thread.
/// </summary>
public sealed class EncoderGroup : IDisposable
{
    private readonly IVideoEncoder _encoder;
    private readonly ILogger _logger;
    private readonly Lock _membersGate = new();
    private IEncodedVideoReceiver[] _members = [];

    public EncoderGroup(OutputProfile profile, IVideoEncoder encoder, TimeSpan keyFrameInterval, TimeProvider time, ILogger logger)
    {
        Profile = profile;
        _encoder = encoder;
        _logger = logger;
        KeyFrames = new KeyFrameRequestThrottle(keyFrameInterval, time);
    }

    public OutputProfile Profile { get; }
    public KeyFrameRequestThrottle KeyFrames { get; }
    public string ProviderName => _encoder.ProviderName;
    public int MemberCount => Volatile.Read(ref _members).Length;
    public long FramesEncoded { get; private set; }
    public long KeyFramesEncoded { get; private set; }
    public long EncodeFailures { get; private set; }

    /// <summary>Adds a receiver; it needs a key frame to start decoding.</summary>
    public void Add(IEncodedVideoReceiver member)
    {
        lock (_membersGate)
            _members = [.. _members, member];
        KeyFrames.OnRequest();
    }

    /// <summary>Removes a receiver; returns true when the group is now empty.</summary>
    public bool Remove(IEncodedVideoReceiver member)
    {
        lock (_membersGate)
        {
            _members = _members.Where(m => !ReferenceEquals(m, member)).ToArray();
            return _members.Length == 0;
        }
    }

    /// <summary>A member lost the picture (PLI/FIR): a key frame soon, within the throttle.</summary>
    public void RequestKeyFrame() => KeyFrames.OnRequest();

    /// <summary>Encodes one canvas and sends the result to every member.</summary>
    public void Encode(VideoFrame canvas, uint timestamp90k)
    {
        if (KeyFrames.ShouldForceKeyFrame())
            _encoder.RequestKeyframe();
        try
        {
            _encoder.Encode(canvas);
        }
        catch (VideoCodecException e)
        {
            EncodeFailures++;
            _logger.LogError("Encoder group {Profile} could not encode a frame: {Reason}", Profile, e.Message);
            return;
        }
        var members = Volatile.Read(ref _members);
        while (_encoder.TryReceive(out var encoded))
        {
            using (encoded)
            {
                FramesEncoded++;
                if (encoded.IsKeyframe)
                    KeyFramesEncoded++;
                foreach (var member in members)
                    member.SendVideoFrame(encoded.Data, timestamp90k);
            }
        }
    }

    public void Dispose() => _encoder.Dispose();
}
