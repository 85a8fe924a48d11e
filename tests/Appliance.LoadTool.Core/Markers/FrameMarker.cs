using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.LoadTool.Markers;

/// <summary>
/// The block code every input frame carries: 24 cells of 32×32 source pixels in 3 rows of 8, black for 0 and
/// white for 1, at (32, 32) of the 640×360 picture, away from the name label the compositor draws at a tile's
/// bottom left. Bits 0–5 are the participant, 6–15 the frame number, 16–23 a CRC-8 of those 16 bits, so a tile
/// that shows something else (a placeholder, a half-decoded picture, the wrong tile rectangle) does not read as a
/// marker. Cells are aligned to the codecs' 16-pixel macroblocks and, scaled to the smallest tile of a 5×5 grid on
/// a 1280×720 canvas, still 12 pixels wide, so they survive scaling and compression.
/// </summary>
public static class FrameMarker
{
    public const int Columns = 8;
    public const int Rows = 3;
    public const int CellSize = 32;
    public const int OriginX = 32;
    public const int OriginY = 32;
    public const int ParticipantBits = 6;
    public const int FrameBits = 10;
    public const int MaxParticipants = 1 << ParticipantBits;
    public const int FramePeriod = 1 << FrameBits;

    /// <summary>The source picture the marker is laid out for.</summary>
    public const int SourceWidth = 640;
    public const int SourceHeight = 360;

    // A cell reads as a bit only when its mean luma is clearly dark or clearly bright.
    private const int DarkBelow = 90;
    private const int BrightAbove = 165;

    private const int Cells = Columns * Rows;
    private const int DataBits = ParticipantBits + FrameBits;
    private const byte CrcXorOut = 0x55; // so an all-black area (every bit 0) is not a valid marker

    /// <summary>Draws <paramref name="value"/> into a <see cref="SourceWidth"/>×<see cref="SourceHeight"/> frame (luma black/white, neutral chroma).</summary>
    public static void Draw(VideoFrame frame, MarkerValue value)
    {
        uint bits = Encode(value);
        for (int cell = 0; cell < Cells; cell++)
        {
            bool one = ((bits >> cell) & 1) != 0;
            FrameFill.Fill(frame, CellRect(cell), one ? YuvColor.White : YuvColor.Black);
        }
    }

    /// <summary>The 24-bit code of a value: data in the low 16 bits, CRC-8 above.</summary>
    public static uint Encode(MarkerValue value)
    {
        if ((uint)value.Participant >= MaxParticipants)
            throw new ArgumentOutOfRangeException(nameof(value), $"participant {value.Participant} is not below {MaxParticipants}");
        if ((uint)value.Frame >= FramePeriod)
            throw new ArgumentOutOfRangeException(nameof(value), $"frame {value.Frame} is not below {FramePeriod}");
        uint data = (uint)value.Participant | ((uint)value.Frame << ParticipantBits);
        return data | ((uint)Crc8(data) << DataBits);
    }

    /// <summary>Checks the CRC of a 24-bit code and unpacks it.</summary>
    public static bool TryDecode(uint bits, out MarkerValue value)
    {
        uint data = bits & ((1u << DataBits) - 1);
        if ((bits >> DataBits) != Crc8(data))
        {
            value = default;
            return false;
        }
        value = new MarkerValue((int)(data & (MaxParticipants - 1)), (int)(data >> ParticipantBits));
        return true;
    }

    /// <summary>
    /// Reads the marker of a source picture that the compositor scaled from <paramref name="sourceCrop"/> (source
    /// pixels) into <paramref name="destination"/> (canvas pixels). False when a cell is neither clearly dark nor
    /// clearly bright or the CRC does not match.
    /// </summary>
    public static bool TryRead(VideoFrame canvas, PixelRect sourceCrop, PixelRect destination, out MarkerValue value)
    {
        value = default;
        if (sourceCrop.IsEmpty || destination.IsEmpty)
            return false;
        ReadOnlySpan<byte> luma = canvas.Y;
        int stride = canvas.Stride(0);
        // Sample the middle half of each cell as it lands on the canvas.
        int radius = Math.Max(1, CellSize * destination.Width / sourceCrop.Width / 4);
        uint bits = 0;
        for (int cell = 0; cell < Cells; cell++)
        {
            PixelRect rect = CellRect(cell);
            int x = destination.X + (int)((long)(rect.X + (CellSize / 2) - sourceCrop.X) * destination.Width / sourceCrop.Width);
            int y = destination.Y + (int)((long)(rect.Y + (CellSize / 2) - sourceCrop.Y) * destination.Height / sourceCrop.Height);
            if (x - radius < 0 || y - radius < 0 || x + radius >= canvas.Width || y + radius >= canvas.Height)
                return false;
            int sum = 0, count = 0;
            for (int row = y - radius; row <= y + radius; row++)
            {
                ReadOnlySpan<byte> line = luma.Slice((row * stride) + x - radius, (2 * radius) + 1);
                foreach (byte sample in line)
                    sum += sample;
                count += line.Length;
            }
            int mean = sum / count;
            if (mean >= BrightAbove)
                bits |= 1u << cell;
            else if (mean > DarkBelow)
                return false;
        }
        return TryDecode(bits, out value);
    }

    private static PixelRect CellRect(int cell) =>
        new(OriginX + (cell % Columns * CellSize), OriginY + (cell / Columns * CellSize), CellSize, CellSize);

    /// <summary>CRC-8 (polynomial x^8 + x^2 + x + 1, 0x07) of the 16 data bits, with a final XOR.</summary>
    private static byte Crc8(uint data)
    {
        int crc = 0;
        for (int i = DataBits - 1; i >= 0; i--)
        {
            int bit = (int)((data >> i) & 1) ^ (crc >> 7);
            crc = ((crc << 1) & 0xFF) ^ (bit != 0 ? 0x07 : 0);
        }
        return (byte)(crc ^ CrcXorOut);
    }
}
