using System.Collections.Concurrent;
using System.Net;

namespace Appliance.Signaling;

/// <summary>
/// Counts the signaling connections open from each IP address and refuses more than the limit,
/// so one machine cannot hold thousands of WebSockets (and their buffers) open on the box.
/// </summary>
public sealed class ConnectionsPerAddress(int limit)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    public int Limit => limit;

    /// <summary>Addresses with at least one connection open (0 once every connection has closed).</summary>
    public int AddressCount => _open.Count;

    /// <summary>Takes a place for one more connection from the address; false when it already has the limit.</summary>
    public bool TryAcquire(IPAddress address)
    {
        while (true)
        {
            if (!_open.TryGetValue(address, out var count))
            {
                if (_open.TryAdd(address, 1))
                    return true;
                continue;
            }
            if (count >= limit)
                return false;
            if (_open.TryUpdate(address, count + 1, count))
                return true;
        }
    }

    /// <summary>Gives back the place of a connection that closed.</summary>
    public void Release(IPAddress address)
    {
        while (_open.TryGetValue(address, out var count))
        {
            if (count <= 1 ? _open.TryRemove(new KeyValuePair<IPAddress, int>(address, count)) : _open.TryUpdate(address, count - 1, count))
                return;
        }
    }
}
