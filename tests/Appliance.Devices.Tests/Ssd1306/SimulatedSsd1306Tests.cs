using Appliance.Devices.Simulation;
using CsCheck;

namespace Appliance.Devices.Tests.Ssd1306;

/// <summary>The simulator is the yardstick for the driver's tests, so it is tested too.</summary>
public sealed class SimulatedSsd1306Tests
{
    [Fact]
    public void Page_addressing_mode_is_the_reset_mode_and_wraps_within_the_page()
    {
        var panel = new SimulatedSsd1306();

        // Page 3, column 126 (lower nibble E, higher nibble 7), then three data bytes.
        panel.Write([0x00, 0xB3, 0x0E, 0x17]);
        panel.Write([0x40, 0xFF, 0x01, 0x80]);

        Assert.Equal(0xFF, panel.Ram[3 * 128 + 126]);
        Assert.Equal(0x01, panel.Ram[3 * 128 + 127]);
        Assert.Equal(0x80, panel.Ram[3 * 128 + 0]); // page mode wraps to column 0 of the same page
    }

    [Fact]
    public void Horizontal_mode_moves_to_the_next_page_at_the_end_of_the_column_range()
    {
        var panel = new SimulatedSsd1306();

        panel.Write([0x00, 0x20, 0x00, 0x21, 10, 11, 0x22, 1, 2]);
        panel.Write([0x40, 1, 2, 3, 4, 5]);

        // Columns 10-11 of page 1, then of page 2, then back to the start of the window (10.1.3).
        Assert.Equal([5, 2], panel.Ram.Slice(1 * 128 + 10, 2).ToArray());
        Assert.Equal([3, 4], panel.Ram.Slice(2 * 128 + 10, 2).ToArray());
        Assert.Equal(0, panel.Ram[1 * 128 + 12]);
    }

    [Fact]
    public void Co_bit_alternates_control_and_single_bytes()
    {
        var panel = new SimulatedSsd1306();

        // Co = 1, D/C# = 0: one command byte, then another control byte (datasheet 8.1.5.2).
        panel.Write([0x80, 0xAF, 0x80, 0x81, 0x00, 0x10]);

        Assert.True(panel.IsDisplayOn);
        Assert.Equal(0x10, panel.Contrast);
        Assert.Equal(0, panel.MalformedWrites);
    }

    [Fact]
    public void Malformed_transactions_are_counted_not_thrown()
    {
        var panel = new SimulatedSsd1306();

        panel.Write([]);
        panel.Write([0x01, 0xAF]); // reserved control bits set
        panel.Write([0x80]); // Co = 1 with nothing after it

        Assert.Equal(3, panel.MalformedWrites);
        Assert.False(panel.IsDisplayOn);
    }

    [Fact]
    public void Any_byte_stream_is_survived()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var panel = new SimulatedSsd1306();
            panel.Write(bytes);
        });
    }
}
