using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using Appliance.Net.Stun;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging;

namespace Appliance.Net.Ice;

/// <summary>
/// The box's ICE-lite agent (RFC 8445 section 2.5) with consent freshness (RFC 7675), for every
/// peer connection on the one UDP port.
/// </summary>
/// <remarks>
/// A lite agent gathers only host candidates, sends no checks and is always controlled
/// (RFC 8445 section 6.1.1: "the full agent MUST take the controlling role, and the lite agent
/// MUST take the controlled role"). It answers the browser's Binding requests:
/// <list type="bullet">
/// <item>USERNAME is "localUfrag:remoteUfrag" (RFC 8445 section 7.2.2); the local ufrag finds the
/// <see cref="IceSession"/>; an unknown ufrag is dropped (counted).</item>
/// <item>MESSAGE-INTEGRITY must verify under the local password, else 401 (RFC 8489 section 9.1.3).</item>
/// <item>FINGERPRINT must be present and right, else the datagram is not ICE and is dropped.</item>
/// <item>Unknown comprehension-required attributes (below 0x8000) get 420 with UNKNOWN-ATTRIBUTES
/// (RFC 8489 section 6.3.1); browsers put their own attributes in the optional range.</item>
/// <item>ICE-CONTROLLED in a request means the peer also thinks it is controlled: a role conflict.
/// RFC 8445 section 7.3.1.1 has the controlled agent answer 487 when its tiebreaker is not
/// smaller, or else switch to controlling; a lite agent can never switch, so it always answers 487
/// and the full agent takes the controlling role.</item>
/// <item>A valid check maps its source address to the session and refreshes consent; with
/// USE-CANDIDATE (RFC 8445 section 7.3.1.5, "the controlled agent ... the pair is nominated") the
/// address becomes the session's <see cref="IceSession.SelectedAddress"/>; a later nomination from
/// another address replaces it (the participant moved).</item>
/// </list>
/// DTLS and SRTP datagrams carry no ufrag: <see cref="TryGetSessionByAddress"/> finds their session.
/// A session with no valid check for <see cref="IceLiteAgentOptions.ConsentTimeout"/> is disconnected
/// (RFC 7675 section 5.1) by a periodic sweep on the <see cref="TimeProvider"/>.
/// Thread safety: the packet path, the sweep and the control path (create/remove) share the lock of
/// the <see cref="IceSessionTable"/>; session events are raised outside it.
/// </remarks>
public sealed class IceLiteAgent : IDatagramHandler, IDisposable
{
    private const int MaxUfragChars = 256;
    private const int MaxUnknownAttributesListed = 16;

    private readonly IDatagramSender _sender;
    private readonly IceLiteAgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IceLiteAgent> _logger;
    private readonly ITimer _sweepTimer;
    private readonly IceSessionTable _sessions;

    private long _requestsReceived;
    private long _successResponsesSent;
    private long _malformedDropped;
    private long _ignored;
    private long _fingerprintFailures;
    private long _badRequests;
    private long _unknownUfragDropped;
    private long _authenticationFailures;
    private long _roleConflicts;
    private long _unknownAttributeRequests;
    private long _sendFailures;
    private long _consentExpirations;

    public IceLiteAgent(IDatagramSender sender, IceLiteAgentOptions options, TimeProvider timeProvider, ILogger<IceLiteAgent> logger)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ConsentTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ConsentSweepInterval, TimeSpan.Zero);
        _sender = sender;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        _sessions = new IceSessionTable(timeProvider);
        _sweepTimer = timeProvider.CreateTimer(_ => SweepConsent(), null, options.ConsentSweepInterval, options.ConsentSweepInterval);
    }

    /// <summary>Binding requests that parsed and carried a valid FINGERPRINT.</summary>
    public long RequestsReceived => Interlocked.Read(ref _requestsReceived);

    public long SuccessResponsesSent => Interlocked.Read(ref _successResponsesSent);

    /// <summary>Datagrams in the STUN range that are not well-formed STUN.</summary>
    public long MalformedDropped => Interlocked.Read(ref _malformedDropped);

    /// <summary>Well-formed STUN that is not a Binding request (indications, responses, other methods).</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    /// <summary>Binding requests without FINGERPRINT or with a wrong one: dropped.</summary>
    public long FingerprintFailures => Interlocked.Read(ref _fingerprintFailures);

    /// <summary>Requests answered 400 (no USERNAME, no MESSAGE-INTEGRITY, no ICE role attribute).</summary>
    public long BadRequests => Interlocked.Read(ref _badRequests);

    /// <summary>Requests whose local ufrag matches no session: dropped.</summary>
    public long UnknownUfragDropped => Interlocked.Read(ref _unknownUfragDropped);

    /// <summary>Requests with a wrong MESSAGE-INTEGRITY or remote ufrag (answered 401 or dropped).</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    /// <summary>Requests with ICE-CONTROLLED, answered 487.</summary>
    public long RoleConflicts => Interlocked.Read(ref _roleConflicts);

    /// <summary>Authenticated requests with unknown comprehension-required attributes, answered 420.</summary>
    public long UnknownAttributeRequests => Interlocked.Read(ref _unknownAttributeRequests);

    /// <summary>Responses that could not be written or sent.</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>Sessions disconnected because their consent expired.</summary>
    public long ConsentExpirations => Interlocked.Read(ref _consentExpirations);

    public int SessionCount => _sessions.Count;

    /// <summary>
    /// Registers a session for a new peer connection. <paramref name="localCredentials"/> go into
    /// the SDP answer; <paramref name="remoteUfrag"/> (from the offer) is enforced when given.
    /// Throws if the local ufrag is already in use (control path).
    /// </summary>
    public IceSession CreateSession(IceCredentials localCredentials, string? remoteUfrag = null)
    {
        ArgumentNullException.ThrowIfNull(localCredentials);
        var session = new IceSession(localCredentials, remoteUfrag, _time.GetTimestamp());
        if (!_sessions.TryAdd(session))
        {
            throw new InvalidOperationException($"An ICE session with ufrag {localCredentials.Ufrag} already exists.");
        }

        _logger.SessionCreated(localCredentials.Ufrag);
        return session;
    }

    /// <summary>
    /// Removes a session (the peer connection closed) with its address mappings. Its state becomes
    /// <see cref="IceSessionState.Disconnected"/>; the <see cref="IceSession.Disconnected"/> event is
    /// not raised, since the caller already knows.
    /// </summary>
    public void RemoveSession(IceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _sessions.Remove(session);
        _logger.SessionRemoved(session.LocalCredentials.Ufrag);
    }

    /// <summary>The session whose valid checks came from <paramref name="remoteAddress"/> (for DTLS and SRTP datagrams). No allocation.</summary>
    public bool TryGetSessionByAddress(SocketAddress remoteAddress, [NotNullWhen(true)] out IceSession? session)
        => _sessions.TryGetByAddress(remoteAddress, out session);

    /// <summary>The session registered with <paramref name="localUfrag"/>.</summary>
    public bool TryGetSessionByUfrag(string localUfrag, [NotNullWhen(true)] out IceSession? session)
        => _sessions.TryGetByUfrag(localUfrag, out session);

    /// <summary>Handles one datagram of the STUN class (first byte 0-3). Never throws.</summary>
    public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
    {
        if (!StunMessage.TryParse(datagram, out StunMessage request))
        {
            Interlocked.Increment(ref _malformedDropped);
            return;
        }

        if (request.Method != StunMethod.Binding || request.Class != StunMessageClass.Request)
        {
            Interlocked.Increment(ref _ignored); // e.g. Binding indications (keepalives)
            return;
        }

        if (!request.VerifyFingerprint())
        {
            Interlocked.Increment(ref _fingerprintFailures);
            return;
        }

        Interlocked.Increment(ref _requestsReceived);
        HandleBindingRequest(request, remoteAddress);
    }

    /// <summary>
    /// Disconnects sessions whose consent expired and unmaps addresses that stopped sending checks.
    /// Runs every <see cref="IceLiteAgentOptions.ConsentSweepInterval"/>; public so a host may also call it.
    /// </summary>
    public void SweepConsent()
    {
        List<IceSession>? expired = _sessions.RemoveExpired(_options.ConsentTimeout);
        if (expired is null)
        {
            return;
        }

        foreach (IceSession session in expired)
        {
            Interlocked.Increment(ref _consentExpirations);
            _logger.ConsentExpired(session.LocalCredentials.Ufrag, _options.ConsentTimeout);
            RaiseSafely(session, static s => s.RaiseDisconnected());
        }
    }

    public void Dispose() => _sweepTimer.Dispose();

    private void HandleBindingRequest(StunMessage request, SocketAddress remoteAddress)
    {
        // RFC 8489 section 9.1.3: "If the message does not contain both a MESSAGE-INTEGRITY and a
        // USERNAME attribute ... the server MUST reject the request with an error response ... 400".
        if (!request.TryGetUsername(out ReadOnlySpan<byte> username) || !request.HasMessageIntegrity)
        {
            Interlocked.Increment(ref _badRequests);
            SendError(request, remoteAddress, StunErrorCode.BadRequest, key: default);
            return;
        }

        int colon = username.IndexOf((byte)':');
        IceSession? session = colon > 0 ? FindSession(username[..colon]) : null;
        if (session is null)
        {
            // Not ours (a stale or foreign ufrag on the shared port): answering would only help a scanner.
            Interlocked.Increment(ref _unknownUfragDropped);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.UnknownUfrag(SocketAddresses.Format(remoteAddress), StunMessage.DescribeUsername(username));
            }

            return;
        }

        ReadOnlySpan<byte> senderUfrag = username[(colon + 1)..];
        bool remoteUfragMatches = session.RemoteUfragBytes is null || senderUfrag.SequenceEqual(session.RemoteUfragBytes);
        if (!remoteUfragMatches || !request.VerifyMessageIntegrity(session.PasswordKey))
        {
            Interlocked.Increment(ref _authenticationFailures);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.Unauthenticated(SocketAddresses.Format(remoteAddress), session.LocalCredentials.Ufrag);
            }

            if (_options.RespondUnauthenticated)
            {
                SendError(request, remoteAddress, StunErrorCode.Unauthenticated, key: default);
            }

            return;
        }

        // RFC 8489 section 6.3.1: "Once the authentication checks are done, the STUN agent MUST
        // check for unknown comprehension-required attributes" and answer 420 listing them.
        Span<ushort> unknown = stackalloc ushort[MaxUnknownAttributesListed];
        int unknownCount = FindUnknownComprehensionRequired(request, unknown);
        if (unknownCount > 0)
        {
            Interlocked.Increment(ref _unknownAttributeRequests);
            SendError(request, remoteAddress, StunErrorCode.UnknownAttribute, session.PasswordKey, unknown[..unknownCount]);
            return;
        }

        if (request.TryGetIceControlled(out _))
        {
            Interlocked.Increment(ref _roleConflicts);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.RoleConflict(SocketAddresses.Format(remoteAddress), session.LocalCredentials.Ufrag);
            }

            SendError(request, remoteAddress, StunErrorCode.RoleConflict, session.PasswordKey);
            return;
        }

        if (!request.TryGetIceControlling(out _))
        {
            // RFC 8445 section 7.1.3: a check "MUST contain" ICE-CONTROLLING or ICE-CONTROLLED.
            Interlocked.Increment(ref _badRequests);
            SendError(request, remoteAddress, StunErrorCode.BadRequest, key: default);
            return;
        }

        bool selectionChanged = _sessions.AcceptValidCheck(session, remoteAddress, request.HasUseCandidate);
        SendSuccess(request, remoteAddress, session.PasswordKey);
        if (selectionChanged)
        {
            _logger.Nominated(session.LocalCredentials.Ufrag, SocketAddresses.Format(remoteAddress));
            RaiseSafely(session, static s => s.RaiseSelectedAddressChanged());
        }
    }

    private IceSession? FindSession(ReadOnlySpan<byte> localUfrag)
    {
        if (localUfrag.Length > MaxUfragChars)
        {
            return null;
        }

        Span<char> chars = stackalloc char[MaxUfragChars];
        if (!Encoding.UTF8.TryGetChars(localUfrag, chars, out int charCount))
        {
            return null;
        }

        return _sessions.TryGetByUfrag(chars[..charCount], out IceSession? session) ? session : null;
    }

    private void SendSuccess(StunMessage request, SocketAddress remoteAddress, ReadOnlySpan<byte> key)
    {
        Span<byte> buffer = stackalloc byte[IceBindingResponses.MaxLength];
        int length = IceBindingResponses.WriteSuccess(buffer, request.TransactionId, remoteAddress, key, _options.Software);
        if (length > 0 && _sender.TrySend(buffer[..length], remoteAddress))
        {
            Interlocked.Increment(ref _successResponsesSent);
        }
        else
        {
            Interlocked.Increment(ref _sendFailures);
        }
    }

    /// <summary>
    /// Writes into <paramref name="unknown"/> the comprehension-required attribute types (below
    /// 0x8000) of the request that an ICE check has no business carrying; returns how many.
    /// </summary>
    private static int FindUnknownComprehensionRequired(StunMessage request, Span<ushort> unknown)
    {
        int count = 0;
        foreach (StunAttribute attribute in request.Attributes)
        {
            bool understood = attribute.Type is StunAttributeType.Username or StunAttributeType.MessageIntegrity
                or StunAttributeType.MessageIntegritySha256 or StunAttributeType.Priority or StunAttributeType.UseCandidate;
            if (!understood && StunAttributeType.IsComprehensionRequired(attribute.Type)
                && count < unknown.Length && !unknown[..count].Contains(attribute.Type))
            {
                unknown[count++] = attribute.Type;
            }
        }

        return count;
    }

    private void SendError(StunMessage request, SocketAddress remoteAddress, int errorCode, ReadOnlySpan<byte> key, ReadOnlySpan<ushort> unknownAttributes = default)
    {
        Span<byte> buffer = stackalloc byte[IceBindingResponses.MaxLength];
        int length = IceBindingResponses.WriteError(buffer, request.TransactionId, errorCode, key, _options.Software, unknownAttributes);
        if (length == 0 || !_sender.TrySend(buffer[..length], remoteAddress))
        {
            Interlocked.Increment(ref _sendFailures);
        }
    }

    private void RaiseSafely(IceSession session, Action<IceSession> raise)
    {
        try
        {
            raise(session);
        }
        catch (Exception e)
        {
            _logger.HandlerFault(e);
        }
    }
}
