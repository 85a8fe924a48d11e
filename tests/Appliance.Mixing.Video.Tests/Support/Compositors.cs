using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mixing.Video.Tests.Support;

internal static class Compositors
{
    public static Compositor Create(VideoFramePool pool, CompositorOptions? options = null) =>
        new(options ?? new CompositorOptions(), pool, NullLogger<Compositor>.Instance);
}
