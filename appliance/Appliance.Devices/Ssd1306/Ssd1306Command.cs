namespace Appliance.Devices.Ssd1306;

/// <summary>
/// The SSD1306 commands this driver sends, named as in the SSD1306 datasheet (Rev 1.1),
/// section 9 "Command Table" and section 10 "Command Descriptions".
/// </summary>
public static class Ssd1306Command
{
    /// <summary>
    /// I2C control bytes, datasheet 8.1.5.2: "Co | D/C# | 0 0 0 0 0 0". With Co = 0 the rest
    /// of the transaction is data bytes only; D/C# = 0 makes them commands, 1 GDDRAM data.
    /// </summary>
    public const byte ControlCommandStream = 0x00;

    public const byte ControlDataStream = 0x40;

    /// <summary>10.1.7 Set Contrast Control (81h, A[7:0]).</summary>
    public const byte SetContrast = 0x81;

    /// <summary>10.1.1 Entire Display ON (A4h: resume to RAM content).</summary>
    public const byte DisplayFollowsRam = 0xA4;

    /// <summary>10.1.10 Set Normal Display (A6h: 1 in RAM = pixel on).</summary>
    public const byte NormalDisplay = 0xA6;

    /// <summary>10.1.12 Set Display OFF (AEh, sleep mode).</summary>
    public const byte DisplayOff = 0xAE;

    /// <summary>10.1.12 Set Display ON (AFh).</summary>
    public const byte DisplayOn = 0xAF;

    /// <summary>Deactivate Scroll (2Eh), section 10.2 "Graphic Acceleration Commands".</summary>
    public const byte DeactivateScroll = 0x2E;

    /// <summary>10.1.3 Set Memory Addressing Mode (20h, A[1:0]: 00b horizontal, 01b vertical, 10b page).</summary>
    public const byte SetMemoryAddressingMode = 0x20;

    public const byte HorizontalAddressing = 0x00;

    public const byte PageAddressing = 0x02;

    /// <summary>10.1.4 Set Column Address (21h, start, end), horizontal or vertical mode.</summary>
    public const byte SetColumnAddress = 0x21;

    /// <summary>10.1.5 Set Page Address (22h, start, end), horizontal or vertical mode.</summary>
    public const byte SetPageAddress = 0x22;

    /// <summary>10.1.6 Set Display Start Line (40h-7Fh).</summary>
    public const byte SetDisplayStartLine = 0x40;

    /// <summary>10.1.8 Set Segment Re-map (A1h: column 127 mapped to SEG0).</summary>
    public const byte SegmentRemap = 0xA1;

    /// <summary>10.1.11 Set Multiplex Ratio (A8h, A[5:0] = rows - 1).</summary>
    public const byte SetMultiplexRatio = 0xA8;

    /// <summary>10.1.14 Set COM Output Scan Direction (C8h: remapped, COM[N-1] to COM0).</summary>
    public const byte ComScanDecrement = 0xC8;

    /// <summary>10.1.15 Set Display Offset (D3h, A[5:0]).</summary>
    public const byte SetDisplayOffset = 0xD3;

    /// <summary>10.1.16 Set Display Clock Divide Ratio / Oscillator Frequency (D5h, A[7:0]).</summary>
    public const byte SetDisplayClock = 0xD5;

    /// <summary>10.1.17 Set Pre-charge Period (D9h, A[7:0]).</summary>
    public const byte SetPrechargePeriod = 0xD9;

    /// <summary>10.1.18 Set COM Pins Hardware Configuration (DAh, A[5:4]).</summary>
    public const byte SetComPins = 0xDA;

    /// <summary>10.1.19 Set VCOMH Deselect Level (DBh, A[6:4]).</summary>
    public const byte SetVcomhDeselect = 0xDB;

    /// <summary>Charge Pump Setting (8Dh, 14h = enable), datasheet appendix "Charge Pump Regulator".</summary>
    public const byte ChargePump = 0x8D;

    /// <summary>10.1.1 / 10.1.2 Set Lower / Higher Column Start Address for page addressing mode (00h-0Fh, 10h-1Fh).</summary>
    public const byte SetLowerColumnStart = 0x00;

    public const byte SetHigherColumnStart = 0x10;

    /// <summary>10.1.13 Set Page Start Address for page addressing mode (B0h-B7h).</summary>
    public const byte SetPageStart = 0xB0;

    /// <summary>NOP (E3h), section 9 "Command Table"; used to ask whether a display acknowledges.</summary>
    public const byte Nop = 0xE3;

    /// <summary>
    /// How many argument bytes follow a command byte (section 9 "Command Table"); 0 for
    /// single-byte commands.
    /// </summary>
    public static int ArgumentCount(byte command) => command switch
    {
        SetContrast or SetMemoryAddressingMode or SetMultiplexRatio or SetDisplayOffset
            or SetDisplayClock or SetPrechargePeriod or SetComPins or SetVcomhDeselect or ChargePump => 1,
        SetColumnAddress or SetPageAddress => 2,
        0xA3 => 2, // Set Vertical Scroll Area
        0x26 or 0x27 => 6, // Continuous Horizontal Scroll Setup
        0x29 or 0x2A => 5, // Continuous Vertical and Horizontal Scroll Setup
        _ => 0,
    };
}
