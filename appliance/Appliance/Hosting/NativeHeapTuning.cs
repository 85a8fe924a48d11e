using System.Runtime.InteropServices;

namespace Appliance.Hosting;

/// <summary>
/// Caps glibc malloc's arenas before the codecs start. glibc gives threads that contend on malloc arenas of their
/// own, up to eight per core; the box's FFmpeg decoders, encoders and Opus states are created and freed on
/// whichever thread-pool thread runs them, so their buffers spread over many arenas, each keeping freed memory
/// for itself. Two arenas held about 30 MB less at 25 participants (BENCHMARKS.md, issue 7); steady-state codecs
/// allocate from their own pools, so the extra contention is on the rare allocation only. Same as the
/// environment variable MALLOC_ARENA_MAX=2 (mallopt(3)), which still wins when set.
/// </summary>
public static partial class NativeHeapTuning
{
    private const int MArenaMax = -8; // <malloc.h> M_ARENA_MAX
    public const int ArenaCount = 2;

    /// <summary>Applies the cap; false when this C library has no mallopt (not glibc) or refuses it.</summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
            return false;
        try
        {
            return mallopt(MArenaMax, ArenaCount) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // musl and others: their allocator has no arenas to cap
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int param, int value);
}
