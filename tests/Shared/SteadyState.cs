using System.Runtime;

namespace Appliance.Testing.Shared;

/// <summary>
/// Measures what a steady-state window allocates on the calling thread (the "no per-packet or per-frame allocation"
/// rule). Compiled into every test project (tests/Directory.Build.props).
/// <para>
/// A garbage collection during the window, started by tests running in parallel on other threads, retires the
/// thread's allocation context and makes <see cref="GC.GetAllocatedBytesForCurrentThread"/> count its unused remainder
/// (up to 8 KiB) as if it had been allocated. So the window runs inside a no-GC region, and a window that a collection
/// interrupted all the same is measured again: a real allocation shows in every window, the phantom in none without a
/// collection.
/// </para>
/// </summary>
internal static class SteadyState
{
    /// <summary>Room for the whole process's allocations during one window (other tests keep running).</summary>
    private const long NoGcBudgetBytes = 64L << 20;

    private const int Attempts = 5;

    private static readonly Lock Gate = new();

    /// <summary>
    /// Bytes <paramref name="window"/> allocated on this thread, from the first of up to five runs that no collection
    /// interrupted (or the last run). The window must be repeatable: it may run more than once.
    /// </summary>
    public static long AllocatedBytes(Action window)
    {
        lock (Gate)
        {
            long allocated = 0;
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                bool inRegion = GC.TryStartNoGCRegion(NoGcBudgetBytes);
                int collections = GC.CollectionCount(0);
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    window();
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }
                finally
                {
                    if (inRegion && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                    {
                        GC.EndNoGCRegion();
                    }
                }
                if (GC.CollectionCount(0) == collections)
                {
                    return allocated;
                }
            }
            return allocated;
        }
    }
}
