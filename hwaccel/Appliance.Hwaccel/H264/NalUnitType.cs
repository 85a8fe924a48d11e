namespace Appliance.Hwaccel.H264;

/// <summary>nal_unit_type values used here (ITU-T H.264 Table 7-1).</summary>
public enum NalUnitType : byte
{
    NonIdrSlice = 1,
    IdrSlice = 5,
    Sei = 6,
    Sps = 7,
    Pps = 8,
    AccessUnitDelimiter = 9,
}
