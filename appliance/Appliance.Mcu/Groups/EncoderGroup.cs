using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mcu.RateAdaptation;
using Appliance.Media.Streams;
using Microsoft.Extensions.Logging;

namespace Appliance.Mcu;

/// <summary>
/// One encoder shared by every receiver of one <see cref="OutputProfile"/>: the room's canvas is encoded once
/// per tick (scaled first when the profile is smaller than the canvas) and the same frame goes to every member.
/// A new member, or a member's PLI/FIR, asks for a key frame; requests are throttled per group (default one per
/// second, a quarter of that for a new member), so one lossy receiver does not make everyone's picture pulse
/// (DESIGN.md section 8) and a new member does not wait long for its first picture. A member that
/// joins (or moves here from another group) gets nothing until the group's next key frame, since the frames
/// before it reference pictures it never had.
/// Encode runs on the media clock's thread; members join, leave and ask for key frames from any thread.
/// </summary>
public sealed class EncoderGroup : IDisposable
{
    private readonly IVideoEncoder _encoder;
    private readonly ILogger _logger;
    private readonly Lock _membersGate = new();
    private readonly BitrateMeter _output;
    private Member[] _members = [];
    private FrameScaler? _scaler;

    public EncoderGroup(OutputProfile profile, IVideoEncoder encoder, TimeSpan keyFrameInterval, TimeProvider time, ILogger logger)
    {
        Profile = profile;
        _encoder = encoder;
        _logger = logger;
        _output = new BitrateMeter(time);
        KeyFrames = new KeyFrameRequestThrottle(keyFrameInterval, time);
    }

    public OutputProfile Profile { get; }
    public KeyFrameRequestThrottle KeyFrames { get; }
    public string ProviderName => _encoder.ProviderName;
    public int MemberCount => Volatile.Read(ref _members).Length;
    public long FramesEncoded { get; private set; }
    public long KeyFramesEncoded { get; private set; }
    public long EncodeFailures { get; private set; }

    /// <summary>What the encoder put out over the last second, bits per second.</summary>
    public long OutputBitrate => _output.BitsPerSecond;

    /// <summary>Adds a receiver; it waits for the next key frame, which it asks for.</summary>
    public void Add(IEncodedVideoReceiver receiver)
    {
        lock (_membersGate)
            _members = [.. _members, new Member(receiver)];
        KeyFrames.OnJoin();
    }

    /// <summary>Removes a receiver; returns true when the group is now empty.</summary>
    public bool Remove(IEncodedVideoReceiver receiver)
    {
        lock (_membersGate)
        {
            _members = _members.Where(m => !ReferenceEquals(m.Receiver, receiver)).ToArray();
            return _members.Length == 0;
        }
    }

    /// <summary>A member lost the picture (PLI/FIR): a key frame soon, within the throttle.</summary>
    public void RequestKeyFrame() => KeyFrames.OnRequest();

    /// <summary>Encodes one canvas (scaled to the profile's size if needed) and sends the result to every member.</summary>
    public void Encode(VideoFrame canvas, uint timestamp90k)
    {
        if (canvas.Width == Profile.Width && canvas.Height == Profile.Height)
        {
            EncodePicture(canvas, timestamp90k);
            return;
        }
        using var scaled = VideoFramePool.Shared.Rent(canvas.Format, Profile.Width, Profile.Height);
        scaled.Timestamp = canvas.Timestamp;
        _scaler ??= new FrameScaler();
        if (_scaler.ScaleInto(canvas, scaled, new PixelRect(0, 0, Profile.Width, Profile.Height)))
            EncodePicture(scaled, timestamp90k);
        else
            EncodeFailures++;
    }

    private void EncodePicture(VideoFrame picture, uint timestamp90k)
    {
        if (KeyFrames.ShouldForceKeyFrame())
            _encoder.RequestKeyframe();
        try
        {
            _encoder.Encode(picture);
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
                _output.Add(encoded.Data.Length);
                if (encoded.IsKeyframe)
                    KeyFramesEncoded++;
                foreach (var member in members)
                {
                    if (encoded.IsKeyframe)
                        member.AwaitsKeyFrame = false;
                    else if (member.AwaitsKeyFrame)
                        continue;
                    member.Receiver.SendVideoFrame(encoded.Data, timestamp90k);
                }
                if (encoded.IsKeyframe)
                    OnKeyFrameSent();
            }
        }
    }

    /// <summary>
    /// Every key frame the group sends (forced, periodic or the encoder's own choice) answers the requests so far, so
    /// the throttle's interval restarts from it; a member added while it was on its way still waits for one.
    /// </summary>
    private void OnKeyFrameSent()
    {
        KeyFrames.OnKeyFrameEncoded();
        foreach (var member in Volatile.Read(ref _members))
        {
            if (member.AwaitsKeyFrame)
            {
                KeyFrames.OnJoin();
                return;
            }
        }
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _scaler?.Dispose();
    }

    private sealed class Member(IEncodedVideoReceiver receiver)
    {
        public IEncodedVideoReceiver Receiver { get; } = receiver;
        public volatile bool AwaitsKeyFrame = true;
    }
}
