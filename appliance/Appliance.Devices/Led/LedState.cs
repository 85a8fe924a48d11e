namespace Appliance.Devices.Led;

/// <summary>What the box tells the room through its status LED.</summary>
public enum LedState
{
    /// <summary>The service is starting: slow blink (yellow on an RGB LED).</summary>
    Starting,

    /// <summary>Ready for a meeting: steady on (green).</summary>
    Ready,

    /// <summary>At least one participant is in the room: double blink (blue).</summary>
    MeetingInProgress,

    /// <summary>Something needs attention (see the admin console): fast blink (red).</summary>
    Error,
}
