using Appliance.Net.Rtcp;

namespace Appliance.WebRtc;

/// <summary>
/// What the connection's RTCP says about its quality, for the admin console: the round-trip time and the
/// loss the browser reports in its report blocks about the box's video, and the loss of the camera stream
/// as the box reported it last (RFC 3550 6.4.1).
/// </summary>
public sealed partial class PeerConnection
{
    private long _roundTripTicks = -1;
    private byte _remoteFractionLost;
    private byte _cameraFractionLost;

    /// <summary>The last round-trip time computed from the browser's report blocks (RFC 3550 6.4.1), or null before one.</summary>
    public TimeSpan? RoundTripTime => Interlocked.Read(ref _roundTripTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Share of the box's video packets the browser lost in its last report interval (0..1).</summary>
    public double RemoteFractionLost => Volatile.Read(ref _remoteFractionLost) / 256.0;

    /// <summary>Share of the camera's packets lost on the way to the box in the last report interval (0..1).</summary>
    public double CameraFractionLost => Volatile.Read(ref _cameraFractionLost) / 256.0;

    /// <summary>
    /// RFC 3550 6.4.1: "the source may compute the total round-trip propagation delay to that receiver by
    /// recording the time A when this reception report block is received" (A - LSR - DLSR).
    /// </summary>
    private void OnReportBlock(RtcpReportBlock block)
    {
        if (_videoSender is not { } sender || block.Ssrc != sender.Ssrc)
            return;
        Volatile.Write(ref _remoteFractionLost, block.FractionLost);
        if (RtcpRoundTripTime.TryCompute(NtpTimestamp.Now(_time), block, out var rtt))
        {
            Interlocked.Exchange(ref _roundTripTicks, rtt.Ticks);
            _video?.UpdateRtt(rtt); // called from OnRtcp, under the receive lock
            _screen?.UpdateRtt(rtt);
        }
    }
}
