using Appliance.Net.Sdp.Attributes;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>An offered codec the box accepted, with its offered fmtp and, for video, its offered RTX.</summary>
internal sealed record CodecChoice(RtpMap Codec, Fmtp? OfferedFmtp, RtpMap? Rtx);
