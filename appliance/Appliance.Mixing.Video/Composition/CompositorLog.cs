using Appliance.Hwaccel.Codecs;
using Appliance.Mixing.Video.Layouts;
using Microsoft.Extensions.Logging;

namespace Appliance.Mixing.Video.Composition;

/// <summary>The compositor's structured log messages (source-generated, allocation-free when disabled).</summary>
internal static partial class CompositorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Compositor {Canvas} joined by {TileId} ({TileCount} tiles)")]
    public static partial void TileAdded(ILogger logger, VideoResolution canvas, string tileId, int tileCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compositor {Canvas} left by {TileId} ({TileCount} tiles)")]
    public static partial void TileRemoved(ILogger logger, VideoResolution canvas, string tileId, int tileCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Compositor {Canvas} lays out {TileCount} tiles as {Layout}, focus {FocusId}")]
    public static partial void Relayout(ILogger logger, VideoResolution canvas, int tileCount, LayoutKind layout, string? focusId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scaling the picture of {TileId} failed ({Failures} failures so far); showing the placeholder")]
    public static partial void ScaleFailed(ILogger logger, string tileId, long failures);
}
