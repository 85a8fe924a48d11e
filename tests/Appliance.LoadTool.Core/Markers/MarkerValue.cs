namespace Appliance.LoadTool.Markers;

/// <summary>What one input frame says about itself: whose camera it is and its number in the sender's loop.</summary>
/// <param name="Participant">The synthetic participant's number in the run (0 … <see cref="FrameMarker.MaxParticipants"/> − 1).</param>
/// <param name="Frame">The frame's number in the participant's pre-encoded loop (0 … <see cref="FrameMarker.FramePeriod"/> − 1).</param>
public readonly record struct MarkerValue(int Participant, int Frame);
