using System.Net;

namespace Appliance.Net.Ice;

/// <summary>The part of a network interface host candidate gathering looks at (a seam for tests).</summary>
public sealed record NetworkInterfaceAddresses(string Name, bool IsUp, bool IsLoopback, IReadOnlyList<IPAddress> Addresses);
