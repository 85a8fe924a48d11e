namespace Appliance.Rooms;

/// <summary>How many people are in the meeting room now (a per-meeting code changes once it is empty).</summary>
public interface IRoomOccupancy
{
    int Count { get; }
}
