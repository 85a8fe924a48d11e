using System.Net;
using System.Text;

namespace Appliance.Net.Ice;

/// <summary>
/// The ICE state of one peer connection on the shared port: its local credentials, the
/// addresses its checks came from, the nominated (selected) address, and consent freshness.
/// Created by <see cref="IceLiteAgent.CreateSession"/>.
/// </summary>
/// <remarks>
/// Events are raised on the thread that handled the datagram or ran the consent sweep, never
/// under the agent's lock; handlers must be quick and must not throw.
/// </remarks>
public sealed class IceSession
{
    private SocketAddress? _selectedAddress;
    private int _state;

    internal IceSession(IceCredentials localCredentials, string? remoteUfrag, long createdTimestamp)
    {
        LocalCredentials = localCredentials;
        RemoteUfrag = remoteUfrag;
        PasswordKey = Encoding.UTF8.GetBytes(localCredentials.Password);
        RemoteUfragBytes = remoteUfrag is null ? null : Encoding.UTF8.GetBytes(remoteUfrag);
        LastConsentTimestamp = createdTimestamp;
    }

    /// <summary>The box's ufrag and password for this peer (its SDP answer's a=ice-ufrag and a=ice-pwd).</summary>
    public IceCredentials LocalCredentials { get; }

    /// <summary>The peer's ufrag from its offer; when set, checks with another one are refused.</summary>
    public string? RemoteUfrag { get; }

    public IceSessionState State => (IceSessionState)Volatile.Read(ref _state);

    /// <summary>
    /// The address the peer nominated (USE-CANDIDATE): where DTLS and SRTP are sent. Null until
    /// nominated and after disconnection. Owned by the session; do not modify.
    /// </summary>
    public SocketAddress? SelectedAddress => Volatile.Read(ref _selectedAddress);

    /// <summary>Free for the integrator: e.g. the PeerSession that owns this ICE session.</summary>
    public object? Owner { get; set; }

    /// <summary>Raised when the peer nominates an address, first or new (the participant moved).</summary>
    public event Action<IceSession>? SelectedAddressChanged;

    /// <summary>Raised once, when consent expires (not when the integrator calls <see cref="IceLiteAgent.RemoveSession"/>).</summary>
    public event Action<IceSession>? Disconnected;

    internal byte[] PasswordKey { get; }

    internal byte[]? RemoteUfragBytes { get; }

    /// <summary>When the last valid check arrived (TimeProvider timestamp); guarded by the agent's lock.</summary>
    internal long LastConsentTimestamp { get; set; }

    /// <summary>The addresses mapped to this session in the agent's table; guarded by the agent's lock.</summary>
    internal List<SocketAddress> Addresses { get; } = [];

    public override string ToString() => $"ICE session {LocalCredentials.Ufrag} ({State})";

    internal void SetState(IceSessionState state) => Volatile.Write(ref _state, (int)state);

    internal void SetSelectedAddress(SocketAddress? address) => Volatile.Write(ref _selectedAddress, address);

    internal void RaiseSelectedAddressChanged() => SelectedAddressChanged?.Invoke(this);

    internal void RaiseDisconnected() => Disconnected?.Invoke(this);
}
