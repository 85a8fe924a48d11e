using System.Collections.Concurrent;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.Mcu;
using Appliance.Media.PayloadFormats;
using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Audio.Speakers;
using Appliance.Mixing.Video.Composition;
using EncodedFrame = Appliance.Media.PayloadFormats.EncodedFrame;
using Microsoft.Extensions.Options;

namespace Appliance.Conference;

/// <summary>
/// The MCU room (DESIGN.md section 4): every participant's camera is decoded into their tile;
/// a media clock composes the tiles into one canvas at the output frame rate and encodes it
/// once per encoder group (one per codec the participants receive), so each participant gets
/// one video stream whatever the meeting's size; every 20 ms the mixer sends each participant
/// everyone's voice but their own. The controls (mute, share, kick) are in MeetingRoom.Controls.cs,
/// the roster and layout in MeetingRoom.Roster.cs, the admin console's figures in MeetingRoom.Snapshot.cs.
/// </summary>
public sealed partial class MeetingRoom : IAsyncDisposable
{
    private static readonly TimeSpan AudioFrame = TimeSpan.FromMilliseconds(20);

    private readonly MeetingOptions _options;
    private readonly VideoCodecFactory _codecs;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<MeetingRoom> _logger;
    private readonly Compositor _compositor;
    private readonly AudioMixer _mixer;
    private readonly ActiveSpeakerDetector _speakers;
    private readonly MediaClock _clock;
    private readonly ITimer _audioTimer;
    private readonly ConcurrentDictionary<string, MeetingMember> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<VideoCodec, EncoderGroup> _groups = new();
    private readonly Lock _membership = new();
    private MeetingMember[] _memberList = [];
    private uint _audioTimestamp;
    private long _lastTickAt;

    public MeetingRoom(IOptions<MeetingOptions> options, VideoCodecFactory codecs, TimeProvider time, ILoggerFactory loggers,
        Health.HealthRegistry health)
    {
        _options = options.Value;
        _codecs = codecs;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<MeetingRoom>();
        _defaultLayout = MeetingLayouts.KindOf(_options.Layout);
        _compositor = new Compositor(new CompositorOptions { Width = _options.Width, Height = _options.Height, Layout = _defaultLayout },
            VideoFramePool.Shared, loggers.CreateLogger<Compositor>());
        _mixer = new AudioMixer(new AudioMixerOptions(), loggers);
        _speakers = new ActiveSpeakerDetector(SpeakerOptions, time, loggers.CreateLogger<ActiveSpeakerDetector>());
        _speakers.SpeakerChanged += OnSpeakerChanged;
        _roster = new RosterCoalescer(RosterInterval, time, PublishRoster);
        _clock = new MediaClock(_options.FrameRate, time, OnVideoTick, _logger);
        _lastTickAt = time.GetTimestamp();
        _clock.Start();
        _audioTimer = time.CreateTimer(_ => OnAudioTick(), null, AudioFrame, AudioFrame);
        // The media loop is healthy while its clock ticks; the systemd watchdog is fed only then.
        health.Register("media-clock", () =>
        {
            var sinceTick = _time.GetElapsedTime(Interlocked.Read(ref _lastTickAt));
            return sinceTick < TimeSpan.FromSeconds(2)
                ? new Health.SubsystemHealth(true, "ticking", new Dictionary<string, string>
                {
                    ["participants"] = Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["ticks"] = _clock.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["skippedTicks"] = _clock.SkippedTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                })
                : new Health.SubsystemHealth(false, $"no tick for {sinceTick.TotalSeconds:F0} s");
        });
    }

    public string Code => _options.RoomCode;

    /// <summary>Participants in the room (displays do not count).</summary>
    public int Count => Volatile.Read(ref _memberList).Count(m => !m.IsDisplay);

    /// <summary>Displays (the room's TVs) receiving the mix.</summary>
    public int DisplayCount => Volatile.Read(ref _memberList).Count(m => m.IsDisplay);

    public bool IsFull => Count >= _options.MaxParticipants;
    public bool IsFullOfDisplays => DisplayCount >= _options.MaxDisplays;
    public int MaxDisplays => _options.MaxDisplays;
    public MediaClock Clock => _clock;
    public IReadOnlyCollection<EncoderGroup> EncoderGroups => _groups.Values.ToArray();

    /// <summary>A small copy of the composed picture, about once a second, for the admin console.</summary>
    public MixThumbnail Thumbnail { get; } = new();

    /// <summary>
    /// Adds a participant: a tile, a place in the mix, and (once connected) an encoder group. A display gets
    /// only the encoder group and the mix of everyone (a permanently muted place in the mixer).
    /// </summary>
    public void Join(Participant participant)
    {
        MeetingMember member;
        var display = participant.Role == MeetingRole.Display;
        lock (_membership)
        {
            var tile = display ? null : _compositor.AddParticipant(participant.Id, participant.Name);
            var audio = _mixer.Join(participant.Id);
            audio.Input.IsMuted = display;
            member = new MeetingMember(participant, tile, audio, _time.GetTimestamp());
            _members[participant.Id] = member;
            _memberList = [.. _memberList, member];
        }
        var peer = participant.Peer;
        if (!display)
        {
            peer.VideoFrameReceived += (_, frame) => OnCameraFrame(member, frame);
            peer.ScreenFrameReceived += (_, frame) => OnScreenFrame(member, frame);
            peer.AudioPacketReceived += (_, opus, timestamp) => member.Audio.Input.Receive(opus, timestamp);
        }
        peer.KeyFrameRequested += _ => member.Group?.RequestKeyFrame();
        peer.Connected += _ =>
        {
            JoinEncoderGroup(member);
            _roster.Invalidate(); // the page listens by now: it gets the whole roster
        };
        peer.Closed += closed => { _ = LeaveAsync(participant.Id); };
        _roster.Invalidate();
        _logger.LogInformation("{Name} joined the meeting as {Role} ({Count} participants, {Displays} displays)",
            participant.Name, participant.Role, Count, DisplayCount);
    }

    public async Task LeaveAsync(string participantId)
    {
        if (!_members.TryRemove(participantId, out var member))
            return;
        lock (_membership)
        {
            _memberList = _memberList.Where(m => m != member).ToArray();
            if (member.Group is { } group && group.Remove(member) && _groups.TryRemove(group.Profile.Codec, out var empty))
                empty.Dispose();
            if (member.ScreenTile is { } screen)
                _compositor.RemoveParticipant(screen.Id);
            member.ScreenTile = null;
            if (member.Tile is not null)
                _compositor.RemoveParticipant(participantId);
            _mixer.Leave(participantId);
            UpdateLayout();
        }
        lock (_speakersGate)
            _speakers.Remove(participantId);
        if (member.Decoder is { } decoder)
            await decoder.DisposeAsync();
        if (member.ScreenDecoder is { } screenDecoder)
            await screenDecoder.DisposeAsync();
        _roster.Invalidate();
        _logger.LogInformation("{Name} left the meeting ({Count} in the room)", member.Participant.Name, Count);
    }

    private void OnCameraFrame(MeetingMember member, EncodedFrame frame)
    {
        // The first frame tells the codec; the decoder then lives as long as the member.
        member.Decoder ??= new ParticipantVideoDecoder(CreateDecoder(frame), member.Tile!.Submit, member.Peer.RequestKeyFrame, _logger);
        member.Decoder.Submit(frame.Data, frame.RtpTimestamp);
    }

    /// <summary>A frame of the shared screen: decoded into the screen tile while the participant shares, dropped otherwise.</summary>
    private void OnScreenFrame(MeetingMember member, EncodedFrame frame)
    {
        if (member.ScreenTile is not { } tile)
            return;
        var decoder = member.ScreenDecoder ??= new ParticipantVideoDecoder(CreateDecoder(frame), tile.Submit, member.Peer.RequestScreenKeyFrame, _logger);
        decoder.Submit(frame.Data, frame.RtpTimestamp);
    }

    private IVideoDecoder CreateDecoder(EncodedFrame frame) =>
        _codecs.CreateDecoder(frame.Codec == MediaCodec.H264 ? VideoCodec.H264 : VideoCodec.Vp8, VideoFramePool.Shared);

    private void JoinEncoderGroup(MeetingMember member)
    {
        if (member.Peer.VideoCodec is not { } negotiated)
            return;
        var codec = negotiated == MediaCodec.H264 ? VideoCodec.H264 : VideoCodec.Vp8;
        lock (_membership)
        {
            if (!_members.ContainsKey(member.Id))
                return;
            var group = _groups.GetOrAdd(codec, c =>
            {
                var profile = new OutputProfile(c, _options.Width, _options.Height, _options.FrameRate, _options.VideoBitrate);
                _logger.LogInformation("Encoder group {Profile} opened", profile);
                return new EncoderGroup(profile, _codecs.CreateEncoder(profile.ToEncoderSettings()),
                    TimeSpan.FromMilliseconds(_options.KeyFrameIntervalMilliseconds), _time, _logger);
            });
            group.Add(member);
            member.Group = group;
        }
    }

    private void OnVideoTick(long tick, uint timestamp90k)
    {
        Interlocked.Exchange(ref _lastTickAt, _time.GetTimestamp());
        if (_groups.IsEmpty)
            return;
        using var canvas = _compositor.Compose(timestamp90k);
        Thumbnail.Capture(canvas, tick, _options.FrameRate);
        foreach (var group in _groups.Values)
            group.Encode(canvas, timestamp90k);
    }

    private void OnAudioTick()
    {
        try
        {
            _mixer.Tick(DeliverAudio);
            _audioTimestamp += 960; // 20 ms at 48 kHz (RFC 7587 4.1)
            UpdateSpeakers();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "An audio mix tick failed");
        }
    }

    private void DeliverAudio(AudioMixParticipant participant, ReadOnlySpan<byte> opus)
    {
        if (opus.Length > 2 && _members.TryGetValue(participant.Id, out var member))
            member.Peer.SendAudio(opus, _audioTimestamp);
    }

    public async ValueTask DisposeAsync()
    {
        _clock.Dispose();
        _audioTimer.Dispose();
        _roster.Dispose();
        foreach (var id in _members.Keys.ToArray())
            await LeaveAsync(id);
        foreach (var group in _groups.Values)
            group.Dispose();
        _compositor.Dispose();
        _mixer.Dispose();
    }
}
