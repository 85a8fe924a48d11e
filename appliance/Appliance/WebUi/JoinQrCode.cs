using QRCoder;

namespace Appliance.WebUi;

/// <summary>
/// The room display's QR code: the join URL as an SVG (QRCoder), black modules on white
/// with the four-module quiet zone ISO/IEC 18004 asks for, scaled by its viewBox. The last
/// rendering is kept: the display asks again every few seconds and the code rarely changes.
/// </summary>
public sealed class JoinQrCode
{
    private readonly Lock _gate = new();
    private (string Url, string Svg)? _last;

    /// <summary>Pixels per module of the SVG's intrinsic size; the page scales it by its viewBox.</summary>
    public const int ModulePixels = 8;

    public string Svg(string url)
    {
        lock (_gate)
        {
            if (_last is { } last && last.Url == url)
                return last.Svg;
        }
        using var generator = new QRCodeGenerator();
        // Level M (15 % recovery): a TV across the room, photographed at an angle, still reads.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = WithIntrinsicSize(new SvgQRCode(data).GetGraphic(ModulePixels, "#000000", "#ffffff", drawQuietZones: true,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute), data.ModuleMatrix.Count * ModulePixels);
        lock (_gate)
            _last = (url, svg);
        return svg;
    }

    // With a viewBox alone the image has no intrinsic size, and some browsers will not draw
    // it into a canvas (or size it before layout): give it width and height as well.
    private static string WithIntrinsicSize(string svg, int pixels)
    {
        const string root = "<svg ";
        var at = svg.IndexOf(root, StringComparison.Ordinal);
        return at < 0 ? svg : svg.Insert(at + root.Length, $"width=\"{pixels}\" height=\"{pixels}\" ");
    }
}
