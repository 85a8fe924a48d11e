namespace Appliance.Net.Rtp.Tests.Support;

/// <summary>Hex helpers for packet vectors written as text.</summary>
internal static class Hex
{
    /// <summary>Decodes hex, ignoring spaces and newlines.</summary>
    public static byte[] Decode(string hex) =>
        Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));
}
