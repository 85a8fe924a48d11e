using Appliance.Devices.Display;
using Appliance.Devices.Simulation;
using Appliance.Devices.Ssd1306;

namespace Appliance.Devices.Tests.Ssd1306;

public sealed class Ssd1306DisplayTests
{
    /// <summary>
    /// The 128x64 charge-pump initialisation written out from the SSD1306 datasheet's command
    /// table, independently of the driver's own constant.
    /// </summary>
    private static readonly byte[] DatasheetInit =
    [
        0xAE,       // display off
        0xD5, 0x80, // clock divide ratio / oscillator frequency
        0xA8, 0x3F, // multiplex ratio: 64 MUX
        0xD3, 0x00, // display offset 0
        0x40,       // display start line 0
        0x8D, 0x14, // charge pump on
        0x20, 0x00, // horizontal addressing mode
        0xA1,       // segment re-map
        0xC8,       // COM output scan direction: remapped
        0xDA, 0x12, // COM pins: alternative configuration
        0x81, 0xCF, // contrast
        0xD9, 0xF1, // pre-charge period
        0xDB, 0x40, // VCOMH deselect level
        0xA4,       // display follows RAM
        0xA6,       // normal (not inverted)
        0x2E,       // scrolling off
        0xAF,       // display on
    ];

    [Fact]
    public void Construction_sends_the_datasheet_init_sequence_and_turns_the_panel_on()
    {
        var panel = new SimulatedSsd1306();

        using var display = new Ssd1306Display(panel);

        // Everything before Display ON first, and Display ON last, after the panel is cleared.
        Assert.Equal(DatasheetInit[..^1], panel.CommandBytes.Take(DatasheetInit.Length - 1));
        Assert.Equal(0xAF, panel.CommandBytes[^1]);
        Assert.True(panel.IsDisplayOn);
        Assert.True(panel.IsChargePumpOn);
        Assert.Equal(0xCF, panel.Contrast);
        Assert.Equal(Ssd1306Command.HorizontalAddressing, panel.AddressingMode);
        Assert.Equal(0, panel.MalformedWrites);
    }

    [Fact]
    public void The_random_power_on_ram_is_cleared_before_the_panel_is_switched_on()
    {
        var panel = new SimulatedSsd1306();
        panel.PowerOnWithNoise(seed: 42);
        Assert.True(panel.Ram.ContainsAnyExcept((byte)0));

        using var display = new Ssd1306Display(panel);

        Assert.False(panel.Ram.ContainsAnyExcept((byte)0));
    }

    [Fact]
    public void Show_copies_the_picture_into_display_ram()
    {
        var panel = new SimulatedSsd1306();
        using var display = new Ssd1306Display(panel);
        var picture = new MonoBitmap();
        picture.SetPixel(0, 0, true);
        picture.SetPixel(127, 63, true);
        picture.SetPixel(64, 13, true);

        display.Show(picture);

        Assert.True(panel.GetPixel(0, 0));
        Assert.True(panel.GetPixel(127, 63));
        Assert.True(panel.GetPixel(64, 13));
        Assert.False(panel.GetPixel(64, 12));
        Assert.Equal(picture.Bytes.ToArray(), panel.Ram.ToArray());
    }

    [Fact]
    public void Show_sends_only_the_pages_that_changed()
    {
        var panel = new SimulatedSsd1306();
        using var display = new Ssd1306Display(panel);
        Assert.Equal(MonoBitmap.Pages, panel.DataWrites); // the blank picture at start is sent whole
        var picture = new MonoBitmap();
        display.Show(picture);
        Assert.Equal(MonoBitmap.Pages, panel.DataWrites); // nothing changed

        picture.SetPixel(10, 20, true); // page 2 only
        display.Show(picture);
        display.Show(picture);

        Assert.Equal(MonoBitmap.Pages + 1, panel.DataWrites);
        Assert.True(panel.GetPixel(10, 20));
    }

    [Fact]
    public void Dispose_turns_the_panel_off_and_closes_the_device()
    {
        var panel = new SimulatedSsd1306();
        var display = new Ssd1306Display(panel);

        display.Dispose();

        Assert.False(panel.IsDisplayOn);
        Assert.True(panel.IsDisposed);
    }

    [Fact]
    public void A_display_that_does_not_acknowledge_fails_construction_with_IOException()
    {
        var bus = new SimulatedI2cBus();

        Assert.Throws<IOException>(() => new Ssd1306Display(bus.Open(Ssd1306Display.DefaultAddress)));
    }
}
