namespace Appliance.Devices.Ssd1306;

/// <summary>
/// The power-on configuration for a 128x64 module with the internal charge pump, in the order of
/// the datasheet's "Software Initialization" flow (application example): display off, timing and
/// geometry, charge pump, addressing, orientation, analogue levels, then display on.
/// </summary>
public static class Ssd1306InitSequence
{
    /// <summary>The command bytes (without the I2C control byte).</summary>
    public static ReadOnlySpan<byte> Commands =>
    [
        Ssd1306Command.DisplayOff,
        Ssd1306Command.SetDisplayClock, 0x80,          // divide ratio 1, oscillator reset value
        Ssd1306Command.SetMultiplexRatio, 0x3F,        // 64 rows
        Ssd1306Command.SetDisplayOffset, 0x00,
        Ssd1306Command.SetDisplayStartLine | 0x00,
        Ssd1306Command.ChargePump, 0x14,               // enable the internal charge pump
        Ssd1306Command.SetMemoryAddressingMode, Ssd1306Command.HorizontalAddressing,
        Ssd1306Command.SegmentRemap,                   // column 0 on the left with the usual module wiring
        Ssd1306Command.ComScanDecrement,               // row 0 at the top
        Ssd1306Command.SetComPins, 0x12,               // alternative COM pin configuration (128x64)
        Ssd1306Command.SetContrast, 0xCF,
        Ssd1306Command.SetPrechargePeriod, 0xF1,       // phase 1 = 1, phase 2 = 15 DCLK (charge pump)
        Ssd1306Command.SetVcomhDeselect, 0x40,
        Ssd1306Command.DisplayFollowsRam,
        Ssd1306Command.NormalDisplay,
        Ssd1306Command.DeactivateScroll,
        Ssd1306Command.DisplayOn,
    ];
}
