namespace Appliance.Net.Ice;
internal static class AssemblyMarker { }
