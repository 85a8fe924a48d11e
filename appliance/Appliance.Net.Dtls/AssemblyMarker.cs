namespace Appliance.Net.Dtls;
internal static class AssemblyMarker { }
