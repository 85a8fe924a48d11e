using Appliance.Mixing.Audio.Mixer;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mixing.Audio.Tests.Support;

/// <summary>
/// A room in a test: an <see cref="AudioMixer"/>, a tone sender per speaking participant and a real
/// Opus decoder per participant standing for their browser. <see cref="Run"/> plays 20 ms ticks.
/// </summary>
internal sealed class MixRoom : IDisposable
{
    private readonly Dictionary<string, ToneSender> _senders = [];
    private readonly Dictionary<string, DecodedStream> _heard = [];
    private readonly Dictionary<string, AudioMixParticipant> _participants = [];
    private readonly HashSet<string> _losing = [];
    private readonly MixedPacketHandler _deliver;

    public MixRoom(AudioMixerOptions? options = null)
    {
        Mixer = new AudioMixer(options ?? new AudioMixerOptions(), NullLoggerFactory.Instance);
        _deliver = (participant, opus) => _heard[participant.Id].Append(opus);
    }

    public AudioMixer Mixer { get; }

    public AudioMixParticipant this[string id] => _participants[id];

    /// <summary>A participant whose microphone plays a tone.</summary>
    public AudioMixParticipant AddSpeaker(string id, double frequencyHz, double amplitude = 0.3)
    {
        _senders[id] = new ToneSender(frequencyHz, amplitude);
        return AddListener(id);
    }

    /// <summary>A participant who sends no audio at all.</summary>
    public AudioMixParticipant AddListener(string id)
    {
        var participant = Mixer.Join(id);
        _participants[id] = participant;
        _heard[id] = new DecodedStream();
        return participant;
    }

    public void Remove(string id)
    {
        Assert.True(Mixer.Leave(id));
        _participants.Remove(id);
        if (_senders.Remove(id, out var sender))
        {
            sender.Dispose();
        }
    }

    /// <summary>Stops a participant's microphone (they stay in the room).</summary>
    public void StopSending(string id) => _senders.Remove(id);

    /// <summary>The next packet of <paramref name="id"/>'s microphone is lost on the way.</summary>
    public void LoseNextPacket(string id) => _losing.Add(id);

    /// <summary>What <paramref name="id"/>'s browser played.</summary>
    public DecodedStream Heard(string id) => _heard[id];

    public void Run(int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            foreach (var (id, sender) in _senders)
            {
                if (_losing.Remove(id))
                {
                    sender.Lose();
                }
                else
                {
                    sender.SendTo(_participants[id].Input);
                }
            }

            Mixer.Tick(_deliver);
        }
    }

    public void Dispose()
    {
        Mixer.Dispose();
        foreach (var sender in _senders.Values)
        {
            sender.Dispose();
        }

        foreach (var stream in _heard.Values)
        {
            stream.Dispose();
        }
    }
}
