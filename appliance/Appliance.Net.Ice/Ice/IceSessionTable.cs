using System.Diagnostics.CodeAnalysis;
using System.Net;
using Appliance.Net.Udp;

namespace Appliance.Net.Ice;

/// <summary>
/// The agent's two indexes of its sessions: by local ufrag (STUN checks carry it in USERNAME) and
/// by remote address (DTLS and SRTP datagrams carry nothing else), with the consent bookkeeping
/// that adds and removes addresses. One lock guards both, so they always agree.
/// </summary>
internal sealed class IceSessionTable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, IceSession> _byUfrag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IceSession>.AlternateLookup<ReadOnlySpan<char>> _byUfragSpan;
    private readonly Dictionary<SocketAddress, AddressBinding> _byAddress = new();
    private readonly TimeProvider _time;

    public IceSessionTable(TimeProvider time)
    {
        _time = time;
        _byUfragSpan = _byUfrag.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byUfrag.Count;
            }
        }
    }

    public bool TryAdd(IceSession session)
    {
        lock (_gate)
        {
            return _byUfrag.TryAdd(session.LocalCredentials.Ufrag, session);
        }
    }

    public void Remove(IceSession session)
    {
        lock (_gate)
        {
            Detach(session);
        }
    }

    public bool TryGetByUfrag(ReadOnlySpan<char> localUfrag, [NotNullWhen(true)] out IceSession? session)
    {
        lock (_gate)
        {
            return _byUfragSpan.TryGetValue(localUfrag, out session);
        }
    }

    public bool TryGetByAddress(SocketAddress remoteAddress, [NotNullWhen(true)] out IceSession? session)
    {
        lock (_gate)
        {
            if (_byAddress.TryGetValue(remoteAddress, out AddressBinding? binding))
            {
                session = binding.Session;
                return true;
            }
        }

        session = null;
        return false;
    }

    /// <summary>
    /// Records a valid check: maps the address to the session (copying it the first time),
    /// refreshes consent, and applies a nomination. Returns true if the selected address changed.
    /// </summary>
    public bool AcceptValidCheck(IceSession session, SocketAddress remoteAddress, bool useCandidate)
    {
        lock (_gate)
        {
            if (session.State == IceSessionState.Disconnected)
            {
                return false;
            }

            long now = _time.GetTimestamp();
            session.LastConsentTimestamp = now;
            if (_byAddress.TryGetValue(remoteAddress, out AddressBinding? binding))
            {
                if (binding.Session != session)
                {
                    // The address now belongs to another peer connection (a reload reusing the port).
                    binding.Session.Addresses.Remove(binding.Address);
                    binding.Session = session;
                    session.Addresses.Add(binding.Address);
                }

                binding.LastCheckTimestamp = now;
            }
            else
            {
                SocketAddress copy = SocketAddresses.Copy(remoteAddress);
                binding = new AddressBinding(copy, session, now);
                _byAddress.Add(copy, binding);
                session.Addresses.Add(copy);
            }

            if (session.State == IceSessionState.New)
            {
                session.SetState(IceSessionState.Checking);
            }

            if (!useCandidate || binding.Address.Equals(session.SelectedAddress))
            {
                return false;
            }

            session.SetSelectedAddress(binding.Address);
            session.SetState(IceSessionState.Connected);
            return true;
        }
    }

    /// <summary>
    /// Detaches sessions with no valid check for <paramref name="consentTimeout"/> and returns them
    /// (null if none); unmaps the other sessions' addresses that stopped checking, except the selected one.
    /// </summary>
    public List<IceSession>? RemoveExpired(TimeSpan consentTimeout)
    {
        List<IceSession>? expired = null;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            foreach (IceSession session in _byUfrag.Values)
            {
                if (_time.GetElapsedTime(session.LastConsentTimestamp, now) >= consentTimeout)
                {
                    (expired ??= []).Add(session);
                }
                else
                {
                    UnmapStaleAddresses(session, now, consentTimeout);
                }
            }

            if (expired is not null)
            {
                foreach (IceSession session in expired)
                {
                    Detach(session);
                }
            }
        }

        return expired;
    }

    private void UnmapStaleAddresses(IceSession session, long now, TimeSpan consentTimeout)
    {
        SocketAddress? selected = session.SelectedAddress;
        for (int i = session.Addresses.Count - 1; i >= 0; i--)
        {
            SocketAddress address = session.Addresses[i];
            if (address.Equals(selected) || !_byAddress.TryGetValue(address, out AddressBinding? binding))
            {
                continue;
            }

            if (_time.GetElapsedTime(binding.LastCheckTimestamp, now) >= consentTimeout)
            {
                _byAddress.Remove(address);
                session.Addresses.RemoveAt(i);
            }
        }
    }

    /// <summary>Takes a session out of both indexes (caller holds the lock).</summary>
    private void Detach(IceSession session)
    {
        if (_byUfrag.TryGetValue(session.LocalCredentials.Ufrag, out IceSession? registered) && registered == session)
        {
            _byUfrag.Remove(session.LocalCredentials.Ufrag);
        }

        foreach (SocketAddress address in session.Addresses)
        {
            _byAddress.Remove(address);
        }

        session.Addresses.Clear();
        session.SetSelectedAddress(null);
        session.SetState(IceSessionState.Disconnected);
    }

    /// <summary>One remote address in the table (mutable, so a check updates it without allocating).</summary>
    private sealed class AddressBinding(SocketAddress address, IceSession session, long lastCheckTimestamp)
    {
        public SocketAddress Address { get; } = address;

        public IceSession Session { get; set; } = session;

        public long LastCheckTimestamp { get; set; } = lastCheckTimestamp;
    }
}
