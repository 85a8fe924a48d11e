using System.Globalization;

namespace Appliance.Devices.Display;

/// <summary>
/// Lays out the <see cref="StatusScreenModel"/> on a 128x64 panel:
/// <code>
/// y  0  HTTPS://192.168.1.20      the address (wrapped onto y 8 when longer than 21 characters)
/// y 16  ROOM 482193               the room code, twice the size when it fits (8 characters)
/// y 40  PEOPLE: 3
/// y 48  SETUP: 123456             only while there is a setup code
/// </code>
/// Owns the panel it draws on and one reused <see cref="MonoBitmap"/>.
/// </summary>
public sealed class StatusScreen : IStatusScreen
{
    public const int AddressY = 0;
    public const int RoomCodeY = 16;
    public const int RoomLabelY = 20;
    public const int RoomCodeX = 30;
    public const int PeopleY = 40;
    public const int SetupY = 48;

    private readonly IMonoDisplay _display;
    private readonly MonoBitmap _picture = new();
    private readonly Lock _gate = new();

    public StatusScreen(IMonoDisplay display)
    {
        _display = display;
    }

    public StatusScreenModel Current { get; private set; }

    /// <summary>The scale the room code is drawn at: 2 when it fits beside the label, else 1.</summary>
    public static int RoomCodeScale(string roomCode) =>
        roomCode.Length * Font5x7.CellWidth * 2 <= MonoBitmap.Width - RoomCodeX ? 2 : 1;

    public void Update(StatusScreenModel model)
    {
        lock (_gate)
        {
            Current = model;
            Render(model, _picture);
            _display.Show(_picture);
        }
    }

    /// <summary>Draws the model into <paramref name="picture"/> (cleared first).</summary>
    public static void Render(StatusScreenModel model, MonoBitmap picture)
    {
        picture.Clear();
        int perLine = TextRenderer.CharactersPerLine(1);

        ReadOnlySpan<char> address = model.Address ?? string.Empty;
        if (address.Length > perLine && address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            address = address["https://".Length..];
        }

        TextRenderer.DrawText(picture, 0, AddressY, address[..Math.Min(address.Length, perLine)]);
        if (address.Length > perLine)
        {
            ReadOnlySpan<char> rest = address[perLine..];
            TextRenderer.DrawText(picture, 0, AddressY + Font5x7.CellHeight, rest[..Math.Min(rest.Length, perLine)]);
        }

        if (!string.IsNullOrEmpty(model.RoomCode))
        {
            int scale = RoomCodeScale(model.RoomCode);
            TextRenderer.DrawText(picture, 0, RoomLabelY, "ROOM");
            TextRenderer.DrawText(picture, RoomCodeX, scale == 2 ? RoomCodeY : RoomLabelY, model.RoomCode, scale);
        }

        Span<char> line = stackalloc char[32];
        int count = Math.Max(0, model.ParticipantCount);
        if (line.TryWrite(CultureInfo.InvariantCulture, $"PEOPLE: {count}", out int written))
        {
            TextRenderer.DrawText(picture, 0, PeopleY, line[..written]);
        }

        if (!string.IsNullOrEmpty(model.SetupCode))
        {
            int x = TextRenderer.DrawText(picture, 0, SetupY, "SETUP: ");
            TextRenderer.DrawText(picture, x, SetupY, model.SetupCode);
        }
    }

    public void Dispose() => _display.Dispose();
}
