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
/// once per encoder group (one per output profile: codec × resolution × bitrate tier, and canvas; see
/// MeetingVideoOutput), so each participant gets one video stream whatever the meeting's size; every
/// 20 ms the mixer sends each participant everyone's voice but their own. Audio and video timestamps
/// come from the media clock's one timeline (lip sync). Demo participants (JoinSynthetic) have a tile
/// and a voice but no connection. The controls (mute, share, kick) are in MeetingRoom.Controls.cs,
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
    private readonly MeetingVideoOutput _video;
    private readonly AudioFrameTimestamps _audioTimestamps;
    private readonly ConcurrentDictionary<string, SyntheticMember> _synthetic = new(StringComparer.Ordinal);
    private readonly Lock _membership = new();
    private MeetingMember[] _memberList = [];
    private SyntheticMember[] _syntheticList = []; // copy-on-write: the audio tick reads it without allocating
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
        _video = new MeetingVideoOutput(_options, _compositor, codecs, time, _logger, () => Count + SyntheticCount)
        {
            SharedCanvasComposed = (canvas, tick) => Thumbnail.Capture(canvas, tick, _options.FrameRate),
        };
        _clock = new MediaClock(_options.FrameRate, time, OnVideoTick, _logger);
        _audioTimestamps = new AudioFrameTimestamps(_clock.Timeline);
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

    public bool IsFull => Count + SyntheticCount >= _options.MaxParticipants;

    /// <summary>Participants inside the box (the demo's), who have tiles and voices but no connection.</summary>
    public int SyntheticCount => _synthetic.Count;

    /// <summary>Whether each participant now sees a canvas without their own tile (Meeting:PersonalCanvas).</summary>
    public bool PersonalCanvasActive => _video.PersonalCanvasActive;
    public bool IsFullOfDisplays => DisplayCount >= _options.MaxDisplays;
    public int MaxDisplays => _options.MaxDisplays;
    public MediaClock Clock => _clock;
    public IReadOnlyCollection<EncoderGroup> EncoderGroups => _video.Groups.Groups;

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
            member = new MeetingMember(participant, tile, audio, _time.GetTimestamp(), _time);
            _members[participant.Id] = member;
            _memberList = [.. _memberList, member];
        }
        var peer = participant.Peer;
        peer.Timeline = _clock.Timeline; // audio and video sender reports on the room's one clock (lip sync)
        if (!display)
        {
            peer.VideoFrameReceived += (_, frame) => OnCameraFrame(member, frame);
            peer.ScreenFrameReceived += (_, frame) => OnScreenFrame(member, frame);
            peer.AudioPacketReceived += (_, opus, timestamp) => member.Audio.Input.Receive(opus, timestamp);
        }
        peer.KeyFrameRequested += _ => member.Group?.RequestKeyFrame();
        peer.ReceiverEstimateReceived += (_, estimate) => _video.OnReceiverEstimate(member, estimate);
        peer.Connected += _ =>
        {
            // Under the membership lock: a leave (which removes the member from the video output after taking
            // this lock) cannot slip between the check and the add and leave a departed member in a group.
            lock (_membership)
            {
                if (_members.ContainsKey(member.Id))
                    _video.Add(member);
            }
            _roster.Invalidate(); // the page listens by now: it gets the whole roster
        };
        peer.Closed += closed => { _ = LeaveAsync(participant.Id); };
        _video.OnRoomChanged();
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
            if (member.ScreenTile is { } screen)
                _compositor.RemoveParticipant(screen.Id);
            member.ScreenTile = null;
            if (member.Tile is not null)
                _compositor.RemoveParticipant(participantId);
            _mixer.Leave(participantId);
            UpdateLayout();
        }
        _video.Remove(member);
        _video.OnRoomChanged();
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

    /// <summary>
    /// Adds a participant who lives inside the box (the demo's): a tile the caller feeds pictures to directly,
    /// and a voice the mixer takes from <paramref name="audio"/> each tick; nothing is sent to them.
    /// </summary>
    public ParticipantVideoSlot JoinSynthetic(string id, string name, Mixing.Audio.Inputs.AudioFrameSource audio)
    {
        lock (_membership)
        {
            var tile = _compositor.AddParticipant(id, name);
            var voice = _mixer.Join(id);
            voice.Input.Source = audio;
            voice.Listens = false;
            var member = new SyntheticMember(id, name, tile, voice);
            _synthetic[id] = member;
            Volatile.Write(ref _syntheticList, [.. _syntheticList, member]); // join order, as the roster lists them
            _video.OnRoomChanged();
            _roster.Invalidate();
            _logger.LogInformation("{Name} (synthetic) joined the meeting", name);
            return tile;
        }
    }

    public void LeaveSynthetic(string id)
    {
        lock (_membership)
        {
            if (!_synthetic.TryRemove(id, out _))
                return;
            Volatile.Write(ref _syntheticList, Array.FindAll(_syntheticList, m => m.Id != id));
            _compositor.RemoveParticipant(id);
            _mixer.Leave(id);
            _video.OnRoomChanged();
            _roster.Invalidate();
        }
        lock (_speakersGate)
            _speakers.Remove(id);
    }

    private void OnVideoTick(long tick, uint timestamp90k)
    {
        Interlocked.Exchange(ref _lastTickAt, _time.GetTimestamp());
        _video.Tick(tick, timestamp90k);
    }

    private void OnAudioTick()
    {
        try
        {
            _audioTimestamp = _audioTimestamps.Next(); // 960 a frame, on the media clock's timeline (RFC 7587 4.1)
            _mixer.Tick(DeliverAudio);
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
        _video.Dispose();
        _compositor.Dispose();
        _mixer.Dispose();
    }
}
