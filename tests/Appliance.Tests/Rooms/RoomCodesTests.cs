using Appliance.Conference;
using Appliance.Rooms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Tests.Rooms;

public sealed class RoomCodesTests
{
    private const string Alice = "192.168.1.10";
    private const string Mallory = "192.168.1.66";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly Monitor<RoomOptions> _room = new(new RoomOptions());
    private readonly Monitor<MeetingOptions> _meeting = new(new MeetingOptions());
    private readonly Occupancy _occupancy = new();

    private RoomCodes Create() => new(_room, _meeting, _occupancy, _clock, NullLogger<RoomCodes>.Instance);

    [Fact]
    public void The_fixed_code_is_meeting_by_default_and_typed_without_case_or_spaces()
    {
        var codes = Create();

        Assert.Equal("meeting", codes.Current);
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, " Meeting ").Result);
        Assert.Equal(RoomCodeResult.UnknownRoom, codes.Check(Alice, "meating").Result);
    }

    [Fact]
    public void A_fixed_code_the_admin_replaced_is_expired_not_unknown()
    {
        var codes = Create();
        _meeting.Set(new MeetingOptions { RoomCode = "harbour" });

        Assert.Equal("harbour", codes.Current);
        Assert.Equal(RoomCodeResult.Expired, codes.Check(Alice, "meeting").Result);
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, "harbour").Result);
    }

    [Fact]
    public void A_rotating_code_expires_after_its_minutes_and_the_display_learns_the_new_one()
    {
        _room.Set(new RoomOptions { CodePolicy = RoomCodePolicy.Rotating, RotationMinutes = 10 });
        var codes = Create();
        var first = codes.Current!;
        Assert.Matches("^[0-9]{6}$", first);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(10), codes.ExpiresAt);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, first).Result);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = codes.Current!;
        Assert.NotEqual(first, second);
        Assert.Equal(RoomCodeResult.Expired, codes.Check(Alice, first).Result);
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, second).Result);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(10), codes.ExpiresAt);

        // After a long quiet spell the code still follows the 10-minute grid.
        _clock.Advance(TimeSpan.FromMinutes(35));
        Assert.NotEqual(second, codes.Current);
        Assert.Equal(RoomCodeResult.Expired, codes.Check(Alice, second).Result);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(5), codes.ExpiresAt);
    }

    [Fact]
    public void A_per_meeting_code_changes_once_the_meeting_has_emptied()
    {
        _room.Set(new RoomOptions { CodePolicy = RoomCodePolicy.PerMeeting });
        var codes = Create();
        var first = codes.Current!;
        Assert.Equal(first, codes.Current); // no meeting yet: the code waits for one

        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, first).Result);
        _occupancy.Count = 2;
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(first, codes.Current); // during the meeting it stays

        _occupancy.Count = 0;
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEqual(first, codes.Current);
        Assert.Equal(RoomCodeResult.Expired, codes.Check(Alice, first).Result);
    }

    [Fact]
    public void Without_a_code_anyone_on_the_lan_joins()
    {
        _room.Set(new RoomOptions { CodePolicy = RoomCodePolicy.None });
        var codes = Create();

        Assert.Null(codes.Current);
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, "").Result);
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, "whatever").Result);
    }

    [Fact]
    public void Guessing_locks_the_address_out_for_a_while_but_not_other_addresses()
    {
        var codes = Create();
        for (var i = 0; i < 9; i++)
            Assert.Equal(RoomCodeResult.UnknownRoom, codes.Check(Mallory, $"guess{i}").Result);
        Assert.Equal(RoomCodeResult.UnknownRoom, codes.Check(Mallory, "guess9").Result); // the tenth locks

        var locked = codes.Check(Mallory, "meeting");
        Assert.Equal(RoomCodeResult.TooManyAttempts, locked.Result);
        Assert.Equal(TimeSpan.FromMinutes(2), locked.RetryAfter);
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Alice, "meeting").Result);

        _clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(30), codes.Check(Mallory, "meeting").RetryAfter);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(RoomCodeResult.Accepted, codes.Check(Mallory, "meeting").Result);
    }

    [Fact]
    public void The_pairing_button_renews_a_rotating_code_but_not_the_fixed_one()
    {
        var codes = Create();
        codes.Renew();
        Assert.Equal("meeting", codes.Current);

        _room.Set(new RoomOptions { CodePolicy = RoomCodePolicy.Rotating, RotationMinutes = 60 });
        var before = codes.Current!;
        codes.Renew();
        Assert.NotEqual(before, codes.Current);
        Assert.Equal(RoomCodeResult.Expired, codes.Check(Alice, before).Result);
    }

    [Fact]
    public void Changing_the_policy_starts_a_new_code_and_retires_the_old_one()
    {
        var codes = Create();
        _room.Set(new RoomOptions { CodePolicy = RoomCodePolicy.Rotating, RotationMinutes = 60 });

        Assert.Matches("^[0-9]{6}$", codes.Current);
        Assert.Equal(RoomCodeResult.Expired, codes.Check(Alice, "meeting").Result);
    }

    private sealed class Occupancy : IRoomOccupancy
    {
        public int Count { get; set; }
    }

    private sealed class Monitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue { get; private set; } = value;
        public void Set(T value) => CurrentValue = value;
        public T Get(string? name) => CurrentValue;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
