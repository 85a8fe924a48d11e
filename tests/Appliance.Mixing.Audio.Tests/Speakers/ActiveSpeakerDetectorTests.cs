using Appliance.Mixing.Audio.Speakers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Mixing.Audio.Tests.Speakers;

/// <summary>Active speaker hysteresis on a fake clock: one level per participant every 20 ms tick.</summary>
public sealed class ActiveSpeakerDetectorTests
{
    private const byte Silence = 127;
    private readonly FakeTimeProvider _time = new();
    private readonly ActiveSpeakerDetector _detector;
    private readonly List<ActiveSpeakerChange> _changes = [];

    public ActiveSpeakerDetectorTests()
    {
        _detector = new ActiveSpeakerDetector(new ActiveSpeakerOptions(), _time, NullLogger<ActiveSpeakerDetector>.Instance);
        _detector.SpeakerChanged += _changes.Add;
    }

    [Fact]
    public void The_first_speaker_is_chosen_after_the_minimum_duration_not_before()
    {
        Run(TimeSpan.FromMilliseconds(1900), ("a", 20), ("b", Silence));
        Assert.Null(_detector.CurrentSpeaker);

        Run(TimeSpan.FromMilliseconds(400), ("a", 20), ("b", Silence));

        Assert.Equal("a", _detector.CurrentSpeaker);
        Assert.Equal([new ActiveSpeakerChange(null, "a")], _changes);
    }

    [Fact]
    public void A_louder_challenger_takes_over_only_after_two_seconds_without_interruption()
    {
        Run(TimeSpan.FromSeconds(3), ("a", 20), ("b", Silence));
        Assert.Equal("a", _detector.CurrentSpeaker);

        // b is 10 dB louder for 1.5 s, then quiet again: a keeps the floor.
        Run(TimeSpan.FromMilliseconds(1500), ("a", 20), ("b", 10));
        Run(TimeSpan.FromSeconds(1), ("a", 20), ("b", Silence));
        Assert.Equal("a", _detector.CurrentSpeaker);

        // b is 10 dB louder for 3 s (its running average needs about 0.6 s to rise from silence): b takes over.
        Run(TimeSpan.FromSeconds(3), ("a", 20), ("b", 10));

        Assert.Equal("b", _detector.CurrentSpeaker);
        Assert.Equal([new ActiveSpeakerChange(null, "a"), new ActiveSpeakerChange("a", "b")], _changes);
    }

    [Fact]
    public void Two_equally_loud_participants_still_produce_a_speaker()
    {
        // Who is louder flips every tick; neither may keep resetting the other's claim.
        for (int i = 0; i < 150; i++)
        {
            Run(TimeSpan.FromMilliseconds(20), ("a", (byte)(20 + (i % 2))), ("b", (byte)(21 - (i % 2))));
        }

        Assert.NotNull(_detector.CurrentSpeaker);
        Assert.Single(_changes);
    }

    [Fact]
    public void A_challenger_within_the_margin_never_takes_over()
    {
        Run(TimeSpan.FromSeconds(3), ("a", 20), ("b", Silence));

        // 3 dB louder is inside the 6 dB margin.
        Run(TimeSpan.FromSeconds(10), ("a", 20), ("b", 17));

        Assert.Equal("a", _detector.CurrentSpeaker);
        Assert.Single(_changes);
    }

    [Fact]
    public void The_current_speaker_falling_silent_hands_over_after_the_minimum_duration()
    {
        Run(TimeSpan.FromSeconds(3), ("a", 20), ("b", Silence));
        Run(TimeSpan.FromSeconds(1), ("a", Silence), ("b", 30));
        Assert.Equal("a", _detector.CurrentSpeaker);

        Run(TimeSpan.FromSeconds(2), ("a", Silence), ("b", 30));

        Assert.Equal("b", _detector.CurrentSpeaker);
    }

    [Fact]
    public void Background_noise_below_the_speech_threshold_never_becomes_the_speaker()
    {
        Run(TimeSpan.FromSeconds(10), ("a", 60), ("b", Silence));

        Assert.Null(_detector.CurrentSpeaker);
        Assert.Empty(_changes);
    }

    [Fact]
    public void The_speaker_leaving_clears_the_speaker()
    {
        Run(TimeSpan.FromSeconds(3), ("a", 20), ("b", Silence));

        _detector.Remove("a");

        Assert.Null(_detector.CurrentSpeaker);
        Assert.Equal(new ActiveSpeakerChange("a", null), _changes[^1]);
        Assert.Equal(-127, _detector.SmoothedLevelDbov("a"));
    }

    [Fact]
    public void The_minimum_duration_is_configurable()
    {
        var quick = new ActiveSpeakerDetector(
            new ActiveSpeakerOptions { MinimumDuration = TimeSpan.FromMilliseconds(500) }, _time, NullLogger<ActiveSpeakerDetector>.Instance);
        for (int i = 0; i < 30; i++)
        {
            quick.Update("a", 20);
            quick.Evaluate();
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal("a", quick.CurrentSpeaker);
    }

    private void Run(TimeSpan duration, params (string Id, byte Level)[] levels)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMilliseconds(20))
        {
            foreach (var (id, level) in levels)
            {
                _detector.Update(id, level);
            }

            _detector.Evaluate();
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }
    }
}
