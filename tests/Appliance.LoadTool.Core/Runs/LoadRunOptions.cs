namespace Appliance.LoadTool.Runs;

/// <summary>One scenario of a load run.</summary>
public sealed record LoadRunOptions
{
    public int Participants { get; init; } = 2;
    public CodecMix Codecs { get; init; } = CodecMix.H264;
    public bool Audio { get; init; } = true;

    /// <summary>The measuring window, after everyone joined and <see cref="Settle"/> passed.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How many participants (the first ones) decode the mixed video and read markers; the others count frames.</summary>
    public int DecodingParticipants { get; init; } = int.MaxValue;

    public string Room { get; init; } = "meeting";

    /// <summary>Frames in each participant's pre-encoded loop (6 s at 30 fps).</summary>
    public int LoopFrames { get; init; } = 180;

    /// <summary>A key frame every 2 s: where a PLI makes a participant jump.</summary>
    public int KeyFrameInterval { get; init; } = 60;

    /// <summary>Each camera's bitrate (a browser sends 640×360 at about this rate).</summary>
    public int InputBitrate { get; init; } = 800_000;

    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest grid the marker reader tries (the box's Meeting:MaxParticipants default).</summary>
    public int MaxTiles { get; init; } = 25;

    public string Name => $"{Participants} × {Codecs.Name()}{(Audio ? " + audio" : "")}";
}
