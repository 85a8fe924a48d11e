namespace Appliance.Hwaccel.Audio;
internal static class AssemblyMarker { }
