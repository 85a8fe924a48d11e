using Appliance.Devices.Display;
using Appliance.Devices.Simulation;
using Appliance.Devices.Ssd1306;
using Appliance.Devices.Tests.Support;

namespace Appliance.Devices.Tests.Display;

public sealed class StatusScreenTests
{
    private readonly SimulatedSsd1306 _panel = new();

    [Fact]
    public void The_room_code_appears_in_display_ram_at_double_size()
    {
        using var screen = new StatusScreen(new Ssd1306Display(_panel));

        screen.Update(new StatusScreenModel("https://192.168.1.20", "482193", 3, SetupCode: null));

        Assert.Equal("482193", ScreenReader.Read(_panel, StatusScreen.RoomCodeX, StatusScreen.RoomCodeY, 6, scale: 2));
        Assert.Equal("ROOM", ScreenReader.Read(_panel, 0, StatusScreen.RoomLabelY, 4));
    }

    [Fact]
    public void The_glyph_pixels_of_a_room_code_digit_are_lit_exactly()
    {
        using var screen = new StatusScreen(new Ssd1306Display(_panel));

        screen.Update(new StatusScreenModel(null, "7", 0, null));

        // '7' in the font: top row full, then a diagonal down to the left, drawn 2x2 per pixel.
        string[] seven = ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."];
        for (int row = 0; row < 7; row++)
        {
            for (int column = 0; column < 5; column++)
            {
                bool expected = seven[row][column] == '#';
                for (int d = 0; d < 4; d++)
                {
                    int x = StatusScreen.RoomCodeX + column * 2 + (d & 1);
                    int y = StatusScreen.RoomCodeY + row * 2 + (d >> 1);
                    Assert.True(expected == _panel.GetPixel(x, y), $"pixel ({x},{y}) of '7' row {row} column {column}");
                }
            }
        }
    }

    [Fact]
    public void Address_participants_and_setup_code_are_readable()
    {
        using var screen = new StatusScreen(new Ssd1306Display(_panel));

        screen.Update(new StatusScreenModel("https://192.168.1.20", "4821", 12, "905-114"));

        Assert.Equal("HTTPS://192.168.1.20", ScreenReader.Read(_panel, 0, StatusScreen.AddressY, 20));
        Assert.Equal("PEOPLE: 12", ScreenReader.Read(_panel, 0, StatusScreen.PeopleY, 10));
        Assert.Equal("SETUP: 905-114", ScreenReader.Read(_panel, 0, StatusScreen.SetupY, 14));
    }

    [Fact]
    public void Without_a_setup_code_its_line_is_blank()
    {
        using var screen = new StatusScreen(new Ssd1306Display(_panel));
        screen.Update(new StatusScreenModel("https://192.168.1.20", "4821", 1, "905114"));

        screen.Update(new StatusScreenModel("https://192.168.1.20", "4821", 2, SetupCode: null));

        for (int y = StatusScreen.SetupY; y < StatusScreen.SetupY + Font5x7.CellHeight; y++)
        {
            for (int x = 0; x < MonoBitmap.Width; x++)
            {
                Assert.False(_panel.GetPixel(x, y));
            }
        }

        Assert.Equal("PEOPLE: 2", ScreenReader.Read(_panel, 0, StatusScreen.PeopleY, 9));
    }

    [Fact]
    public void A_long_address_drops_the_scheme_and_wraps_onto_the_second_line()
    {
        using var screen = new StatusScreen(new Ssd1306Display(_panel));

        screen.Update(new StatusScreenModel("https://meeting-room-4.office.example:8443", null, 0, null));

        Assert.Equal("MEETING-ROOM-4.OFFICE", ScreenReader.Read(_panel, 0, 0, 21));
        Assert.Equal(".EXAMPLE:8443", ScreenReader.Read(_panel, 0, Font5x7.CellHeight, 13));
    }

    [Fact]
    public void A_room_code_too_long_for_double_size_is_drawn_at_normal_size()
    {
        using var screen = new StatusScreen(new Ssd1306Display(_panel));

        screen.Update(new StatusScreenModel(null, "ABCD-EFGH-1", 0, null));

        Assert.Equal(1, StatusScreen.RoomCodeScale("ABCD-EFGH-1"));
        Assert.Equal("ABCD-EFGH-1", ScreenReader.Read(_panel, StatusScreen.RoomCodeX, StatusScreen.RoomLabelY, 11));
    }

    [Fact]
    public void The_screen_owns_the_panel()
    {
        var screen = new StatusScreen(new Ssd1306Display(_panel));

        screen.Dispose();

        Assert.True(_panel.IsDisposed);
        Assert.False(_panel.IsDisplayOn);
    }
}
