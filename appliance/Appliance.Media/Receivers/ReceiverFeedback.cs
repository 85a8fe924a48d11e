namespace Appliance.Media.Receivers;

/// <summary>
/// The RTCP feedback a <see cref="VideoReceiver"/> wants sent now: <see cref="NackCount"/> sequence
/// numbers written to the caller's buffer (a Generic NACK, RFC 4585 section 6.2.1) and whether to
/// send a PLI (section 6.3.1).
/// </summary>
/// <param name="NackCount">Sequence numbers written for the NACK.</param>
/// <param name="SendPli">Send a Picture Loss Indication.</param>
public readonly record struct ReceiverFeedback(int NackCount, bool SendPli)
{
    /// <summary>True when anything is to be sent.</summary>
    public bool IsEmpty => NackCount == 0 && !SendPli;
}
