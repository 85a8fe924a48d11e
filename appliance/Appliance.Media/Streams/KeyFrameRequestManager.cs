using Microsoft.Extensions.Logging;

namespace Appliance.Media.Streams;

/// <summary>
/// Decides when to send a Picture Loss Indication (RFC 4585 section 6.3.1) for one video source:
/// at once when a frame cannot be completed, never more often than
/// <see cref="KeyFrameRequestOptions.MinInterval"/> (DESIGN.md section 8: keyframe requests must be
/// throttled), and again every <see cref="KeyFrameRequestOptions.RetryInterval"/> until a key frame
/// arrives (the PLI or the key frame may be lost). Browsers get PLI, not FIR (section 8).
/// Poll <see cref="ShouldSendPli"/> on every packet and from a periodic timer. Not thread-safe.
/// </summary>
public sealed partial class KeyFrameRequestManager
{
    private readonly KeyFrameRequestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastSentAt;
    private bool _sentAny;
    private bool _sentForCurrentRequest;

    /// <summary>Creates a manager.</summary>
    public KeyFrameRequestManager(KeyFrameRequestOptions options, TimeProvider time, ILogger<KeyFrameRequestManager> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>A key frame is wanted and has not arrived yet.</summary>
    public bool IsPending { get; private set; }

    /// <summary>PLIs decided so far.</summary>
    public long PliCount { get; private set; }

    /// <summary>Requests asked for while one was already pending (absorbed by the throttle).</summary>
    public long RequestsCoalesced { get; private set; }

    /// <summary>Asks for a key frame (a frame could not be completed, the decoder failed, a new viewer joined...).</summary>
    public void RequestKeyFrame()
    {
        if (IsPending)
        {
            RequestsCoalesced++;
            return;
        }

        IsPending = true;
        _sentForCurrentRequest = false;
    }

    /// <summary>
    /// True when a PLI must be sent now; the caller then sends exactly one. Records the send.
    /// </summary>
    public bool ShouldSendPli()
    {
        if (!IsPending)
        {
            return false;
        }

        long now = _time.GetTimestamp();
        if (_sentAny)
        {
            TimeSpan since = _time.GetElapsedTime(_lastSentAt, now);
            TimeSpan wait = _sentForCurrentRequest ? _options.RetryInterval : _options.MinInterval;
            if (since < wait)
            {
                return false;
            }
        }

        if (_sentForCurrentRequest)
        {
            LogRetry(_logger);
        }

        _sentAny = true;
        _sentForCurrentRequest = true;
        _lastSentAt = now;
        PliCount++;
        return true;
    }

    /// <summary>A key frame arrived: the request is satisfied.</summary>
    public void OnKeyFrameReceived() => IsPending = false;

    [LoggerMessage(Level = LogLevel.Debug, Message = "No key frame since the last PLI: sending it again")]
    private static partial void LogRetry(ILogger logger);
}
