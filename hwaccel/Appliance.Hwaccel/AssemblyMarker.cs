namespace Appliance.Hwaccel;
internal static class AssemblyMarker { }
