namespace Appliance.Media;
internal static class AssemblyMarker { }
