namespace Appliance.Net.Rtp;
internal static class AssemblyMarker { }
