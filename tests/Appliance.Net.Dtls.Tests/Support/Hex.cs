namespace Appliance.Net.Dtls.Tests.Support;

/// <summary>Hex strings as RFCs print them (spaces and line breaks ignored).</summary>
internal static class Hex
{
    public static byte[] Parse(string text) =>
        Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
