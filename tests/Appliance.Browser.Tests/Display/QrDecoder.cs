using Microsoft.Playwright;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Appliance.Browser.Tests.Display;

/// <summary>
/// Reads a QR code the way a phone's camera would: the pixels an &lt;img&gt; shows in the page
/// (drawn into a canvas in page JavaScript) are decoded by ZXing.Net's QR reader.
/// </summary>
public static class QrDecoder
{
    // The image's pixels as 8-bit grey, base64, at its intrinsic size with a white margin.
    private const string GreyPixelsFunction = """
        async selector => {
          const img = document.querySelector(selector);
          if (!img.complete || img.naturalWidth === 0) await img.decode();
          const margin = 32, size = img.naturalWidth;
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = size + 2 * margin;
          const context = canvas.getContext('2d', { willReadFrequently: true });
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(img, margin, margin, size, img.naturalHeight);
          const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let grey = '';
          for (let i = 0; i < rgba.length; i += 4)
            grey += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
          return { Width: canvas.width, Height: canvas.height, Grey: btoa(grey) };
        }
        """;

    /// <summary>The text of the QR code the page shows in <paramref name="selector"/>, or null when none is found.</summary>
    public static async Task<string?> DecodeAsync(IPage page, string selector)
    {
        var pixels = await page.EvaluateAsync<GreyImage>(GreyPixelsFunction, selector);
        return Decode(Convert.FromBase64String(pixels.Grey), pixels.Width, pixels.Height);
    }

    public static string? Decode(byte[] grey, int width, int height)
    {
        var source = new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
    }

    private sealed record GreyImage
    {
        public int Width { get; init; }
        public int Height { get; init; }
        public string Grey { get; init; } = "";
    }
}
