using System.Collections.Concurrent;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.Mcu;
using Appliance.Media.PayloadFormats;
using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Video.Composition;
using Microsoft.Extensions.Options;

namespace Appliance.Conference;

/// <summary>
/// The MCU room (DESIGN.md section 4): every participant's camera is decoded into their tile;
/// a media clock composes the tiles into one canvas at the output frame rate and encodes it
/// once per encoder group (one per codec the participants receive), so each participant gets
/// one video stream whatever the meeting's size; every 20 ms the mixer sends each participant
/// everyone's voice but their own.
/// </summary>
public sealed class MeetingRoom : IAsyncDisposable
{
    private static readonly TimeSpan AudioFrame = TimeSpan.FromMilliseconds(20);

    private readonly MeetingOptions _options;
    private readonly VideoCodecFactory _codecs;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<MeetingRoom> _logger;
    private readonly Compositor _compositor;
    private readonly AudioMixer _mixer;
    private readonly MediaClock _clock;
    private readonly ITimer _audioTimer;
    private readonly ConcurrentDictionary<string, MeetingMember> _members = new(StringComparer.Ordinal);
    private readonly MeetingVideoOutput _video;
    private readonly ConcurrentDictionary<string, ParticipantVideoSlot> _synthetic = new(StringComparer.Ordinal);
    private readonly Lock _membership = new();
    private readonly AudioFrameTimestamps _audioTimestamps;
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
        _compositor = new Compositor(new CompositorOptions { Width = _options.Width, Height = _options.Height },
            VideoFramePool.Shared, loggers.CreateLogger<Compositor>());
        _mixer = new AudioMixer(new AudioMixerOptions(), loggers);
        _video = new MeetingVideoOutput(_options, _compositor, codecs, time, _logger, () => Count + SyntheticCount);
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
    public int Count => _members.Count;
    public bool IsFull => _members.Count + _synthetic.Count >= _options.MaxParticipants;

    /// <summary>Participants inside the box (the demo's), who have tiles and voices but no connection.</summary>
    public int SyntheticCount => _synthetic.Count;
    public MediaClock Clock => _clock;
    public IReadOnlyCollection<EncoderGroup> EncoderGroups => _video.Groups.Groups;

    /// <summary>Whether each participant now sees a canvas without their own tile (Meeting:PersonalCanvas).</summary>
    public bool PersonalCanvasActive => _video.PersonalCanvasActive;

    /// <summary>Adds a participant: a tile, a place in the mix, and (once connected) an encoder group.</summary>
    public void Join(Participant participant)
    {
        MeetingMember member;
        lock (_membership)
        {
            var tile = _compositor.AddParticipant(participant.Id, participant.Name);
            member = new MeetingMember(participant, tile, _mixer.Join(participant.Id), _time);
            _members[participant.Id] = member;
        }
        var peer = participant.Peer;
        peer.Timeline = _clock.Timeline; // audio and video sender reports on the room's one clock (lip sync)
        peer.VideoFrameReceived += (_, frame) => OnCameraFrame(member, frame);
        peer.AudioPacketReceived += (_, opus, timestamp) => member.Audio.Input.Receive(opus, timestamp);
        peer.KeyFrameRequested += _ => member.Group?.RequestKeyFrame();
        peer.ReceiverEstimateReceived += (_, estimate) => _video.OnReceiverEstimate(member, estimate);
        peer.Connected += _ => _video.Add(member);
        _video.OnRoomChanged();
        peer.Closed += closed => { _ = LeaveAsync(participant.Id); };
        _logger.LogInformation("{Name} joined the meeting ({Count} in the room)", participant.Name, _members.Count);
    }

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
            _synthetic[id] = tile;
            _video.OnRoomChanged();
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
            _compositor.RemoveParticipant(id);
            _mixer.Leave(id);
            _video.OnRoomChanged();
        }
    }

    public async Task LeaveAsync(string participantId)
    {
        if (!_members.TryRemove(participantId, out var member))
            return;
        lock (_membership)
        {
            _compositor.RemoveParticipant(participantId);
            _mixer.Leave(participantId);
        }
        _video.Remove(member);
        _video.OnRoomChanged();
        if (member.Decoder is { } decoder)
            await decoder.DisposeAsync();
        _logger.LogInformation("{Name} left the meeting ({Count} in the room)", member.Participant.Name, _members.Count);
    }

    private void OnCameraFrame(MeetingMember member, Appliance.Media.PayloadFormats.EncodedFrame frame)
    {
        // The first frame tells the codec; the decoder then lives as long as the member.
        member.Decoder ??= new ParticipantVideoDecoder(
            _codecs.CreateDecoder(frame.Codec == MediaCodec.H264 ? VideoCodec.H264 : VideoCodec.Vp8, VideoFramePool.Shared),
            member.Tile.Submit, member.Peer.RequestKeyFrame, _logger);
        member.Decoder.Submit(frame.Data, frame.RtpTimestamp);
    }

    private void OnVideoTick(long tick, uint timestamp90k)
    {
        Interlocked.Exchange(ref _lastTickAt, _time.GetTimestamp());
        _video.Tick(timestamp90k);
    }

    private void OnAudioTick()
    {
        try
        {
            _audioTimestamp = _audioTimestamps.Next();
            _mixer.Tick(DeliverAudio);
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
        foreach (var id in _members.Keys.ToArray())
            await LeaveAsync(id);
        _video.Dispose();
        _compositor.Dispose();
        _mixer.Dispose();
    }
}
