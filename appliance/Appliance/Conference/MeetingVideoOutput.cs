using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Providers;
using Appliance.Mcu;
using Appliance.Mcu.RateAdaptation;
using Appliance.Media.PayloadFormats;
using Appliance.Mixing.Video.Composition;
using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// The meeting's video out: which encoder group each connected participant receives from, and how much each
/// participant's camera is asked to send.
/// <list type="bullet">
/// <item>A participant's group key is its codec × its bitrate tier (<see cref="ProfileLadder"/>, chosen from its
/// REMB by its <see cref="BitrateTierPolicy"/>) × its canvas: the shared one, or in personal-canvas mode
/// (Meeting:PersonalCanvas, while the room has at most Meeting:PersonalCanvasMaxParticipants people) its own,
/// without its own tile. A change of key moves the participant on the next tick, with a key frame of the new group.</item>
/// <item>Each second every camera is asked (REMB, <see cref="PeerConnection.IncomingVideoBitrateLimit"/>) for what its
/// largest tile needs (<see cref="TileBitratePolicy"/>).</item>
/// </list>
/// Regrouping and encoding run on the media clock's thread; the rest on control and receive paths.
/// </summary>
internal sealed class MeetingVideoOutput : IDisposable
{
    private static readonly TimeSpan SenderLimitInterval = TimeSpan.FromSeconds(1);

    private readonly MeetingOptions _options;
    private readonly Compositor _compositor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<int> _roomSize;
    private readonly ProfileLadder _ladder;
    private readonly EncoderGroupSet.CanvasSource _compose;
    private readonly ITimer _senderLimits;
    private readonly Lock _membersGate = new();
    private MeetingMember[] _members = [];
    private volatile bool _regroup;
    private long _tick;

    public MeetingVideoOutput(MeetingOptions options, Compositor compositor, VideoCodecFactory codecs, TimeProvider time,
        ILogger logger, Func<int> roomSize)
    {
        _options = options;
        _compositor = compositor;
        _time = time;
        _logger = logger;
        _roomSize = roomSize;
        _ladder = new ProfileLadder(compositor.Canvas.Width, compositor.Canvas.Height, options.FrameRate, options.VideoBitrate);
        var keyFrameInterval = TimeSpan.FromMilliseconds(options.KeyFrameIntervalMilliseconds);
        Groups = new EncoderGroupSet(key => new EncoderGroup(key.Profile, codecs.CreateEncoder(key.Profile.ToEncoderSettings()),
            keyFrameInterval, time, logger), logger);
        _compose = (hidden, timestamp) =>
        {
            var canvas = _compositor.Compose(timestamp, hidden);
            if (hidden is null)
                SharedCanvasComposed?.Invoke(canvas, _tick);
            return canvas;
        };
        _senderLimits = time.CreateTimer(_ => UpdateSenderLimits(), null, SenderLimitInterval, SenderLimitInterval);
    }

    public EncoderGroupSet Groups { get; }

    /// <summary>Sees the shared canvas of each tick it is composed (the admin console's thumbnail); it must not keep it.</summary>
    public Action<Hwaccel.Frames.VideoFrame, long>? SharedCanvasComposed { get; init; }

    /// <summary>Whether each participant now sees a canvas of their own (without their own tile).</summary>
    public bool PersonalCanvasActive => _options.PersonalCanvas && _roomSize() <= _options.PersonalCanvasMaxParticipants;

    /// <summary>A participant's connection is up: it gets a group at the next tick.</summary>
    public void Add(MeetingMember member)
    {
        lock (_membersGate)
            _members = [.. _members, member];
        _regroup = true;
    }

    public void Remove(MeetingMember member)
    {
        // Under the members' lock, which a regroup holds too: a regroup cannot assign a member removed meanwhile.
        lock (_membersGate)
        {
            _members = _members.Where(m => !ReferenceEquals(m, member)).ToArray();
            Groups.Remove(member);
        }
        _regroup = true;
    }

    /// <summary>The room's size changed (someone joined or left): the canvas mode may change.</summary>
    public void OnRoomChanged() => _regroup = true;

    /// <summary>The participant's REMB for the box's video; on the receive thread.</summary>
    public void OnReceiverEstimate(MeetingMember member, ulong bitsPerSecond)
    {
        if (member.Group is not { } group || !member.Rate.Update(bitsPerSecond, group.OutputBitrate))
            return;
        _logger.LogInformation("{Name} moves to the {Tier} tier: estimate {Estimate} kbit/s, sent {Sent} kbit/s",
            member.Participant.Name, member.Rate.Tier, bitsPerSecond / 1000, group.OutputBitrate / 1000);
        _regroup = true;
    }

    /// <summary>One tick of the media clock: regroup if needed, then every group encodes its canvas.</summary>
    public void Tick(long tick, uint timestamp90k)
    {
        _tick = tick;
        if (_regroup)
        {
            _regroup = false;
            Regroup();
        }
        Groups.Encode(_compose, timestamp90k);
    }

    private void Regroup()
    {
        var personal = PersonalCanvasActive;
        lock (_membersGate)
        foreach (var member in _members)
        {
            if (member.Peer.VideoCodec is not { } negotiated)
                continue;
            var codec = negotiated == MediaCodec.H264 ? VideoCodec.H264 : VideoCodec.Vp8;
            // A display (the room's TV) has no tile of its own: it always sees everyone.
            var key = new EncoderGroupKey(_ladder.For(codec, member.Rate.Tier), personal && !member.IsDisplay ? member.Participant.Id : null);
            member.Group = Groups.Assign(member, key);
        }
    }

    /// <summary>Asks every camera for what its largest tile needs (REMB towards the browser).</summary>
    private void UpdateSenderLimits()
    {
        try
        {
            var members = Volatile.Read(ref _members).Where(m => !m.IsDisplay).ToArray();
            var canvas = _compositor.Canvas;
            LayoutTileSet[] layouts = PersonalCanvasActive
                ? [.. members.Select(viewer => new LayoutTileSet(_compositor.CurrentTiles(viewer.Participant.Id)))]
                : [new LayoutTileSet(_compositor.CurrentTiles())];
            foreach (var member in members)
            {
                if (member.Tile is null)
                    continue;
                var (width, height) = layouts.Select(l => l.SizeOf(member.Participant.Id)).MaxBy(s => s.Width * s.Height);
                member.Peer.IncomingVideoBitrateLimit = TileBitratePolicy.ForTile(width, height, canvas.Width, canvas.Height,
                    _options.VideoBitrate, PeerConnection.MaxIncomingVideoBitrate);
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Updating the cameras' bitrate limits failed");
        }
    }

    public void Dispose()
    {
        _senderLimits.Dispose();
        Groups.Dispose();
    }

    private readonly record struct LayoutTileSet(Mixing.Video.Layouts.LayoutTile[] Tiles)
    {
        public (int Width, int Height) SizeOf(string id)
        {
            foreach (var tile in Tiles)
                if (tile.Id == id)
                    return (tile.Rect.Width, tile.Rect.Height);
            return (0, 0);
        }
    }
}
