namespace Appliance.Hwaccel.Native;

/// <summary>Return codes of the C shim (enum ah_result in hwaccel/native/include/appliance_hwaccel.h).</summary>
internal enum NativeResult
{
    Ok = 0,
    Again = -1,
    EndOfStream = -2,
    NoSpace = -3,
    InvalidArgument = -4,
    NotFound = -5,
    InvalidData = -6,
    NeedsReopen = -7,
    NoMemory = -8,
    Failed = -9,
}

/// <summary>Flags reported with a decoded picture (enum ah_frame_flags).</summary>
[Flags]
internal enum NativeFrameFlags
{
    None = 0,
    Key = 1,
    Corrupt = 2,
}
