namespace Appliance.Net.Sdp;
internal static class AssemblyMarker { }
