namespace Appliance.Net.Ice.Tests;

/// <summary>Turns RFC-style hex dumps ("00 01 00 58 ...") into bytes.</summary>
internal static class Hex
{
    public static byte[] Parse(string dump)
        => Convert.FromHexString(string.Concat(dump.Where(Uri.IsHexDigit)));
}
