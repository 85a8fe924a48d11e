using Appliance.Devices.Display;
using Appliance.Devices.I2c;

namespace Appliance.Devices.Ssd1306;

/// <summary>
/// A 128x64 SSD1306 OLED on I2C (address 0x3C, or 0x3D with SA0 high). Sends the
/// <see cref="Ssd1306InitSequence"/> and clears the panel when constructed, then each <see cref="Show"/> writes only
/// the pages that changed, one I2C transaction per page in horizontal addressing mode
/// (datasheet 10.1.3-10.1.5: column range 0-127, page range p-p, then 128 data bytes).
/// Owns the <see cref="II2cRegisterDevice"/>: dispose turns the panel off and closes it.
/// </summary>
public sealed class Ssd1306Display : IMonoDisplay
{
    public const int DefaultAddress = 0x3C;

    private readonly II2cRegisterDevice _device;
    private readonly byte[] _shadow = new byte[MonoBitmap.Width * MonoBitmap.Pages];
    private readonly byte[] _pageWrite = new byte[1 + MonoBitmap.Width];
    private readonly byte[] _commandWrite = new byte[1 + 32];
    private bool _shadowValid;
    private bool _disposed;

    /// <summary>
    /// Initialises the panel: the init sequence up to (not including) Display ON, a blank
    /// picture over the GDDRAM's random power-on content, then Display ON. Throws
    /// <see cref="IOException"/> if nothing acknowledges.
    /// </summary>
    public Ssd1306Display(II2cRegisterDevice device)
    {
        _device = device;
        ReadOnlySpan<byte> init = Ssd1306InitSequence.Commands;
        SendCommands(init[..^1]);
        Show(new MonoBitmap());
        SendCommands(init[^1..]);
    }

    public void Show(MonoBitmap picture)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (int page = 0; page < MonoBitmap.Pages; page++)
        {
            ReadOnlySpan<byte> source = picture.Page(page);
            Span<byte> shadow = _shadow.AsSpan(page * MonoBitmap.Width, MonoBitmap.Width);
            if (_shadowValid && source.SequenceEqual(shadow))
            {
                continue;
            }

            SendCommands(
            [
                Ssd1306Command.SetColumnAddress, 0, MonoBitmap.Width - 1,
                Ssd1306Command.SetPageAddress, (byte)page, (byte)page,
            ]);
            _pageWrite[0] = Ssd1306Command.ControlDataStream;
            source.CopyTo(_pageWrite.AsSpan(1));
            _device.Write(_pageWrite);
            source.CopyTo(shadow);
        }

        _shadowValid = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            SendCommands([Ssd1306Command.DisplayOff]);
        }
        catch (IOException)
        {
            // The panel went away; closing it is all that is left to do.
        }

        _device.Dispose();
    }

    private void SendCommands(ReadOnlySpan<byte> commands)
    {
        _commandWrite[0] = Ssd1306Command.ControlCommandStream;
        commands.CopyTo(_commandWrite.AsSpan(1));
        _device.Write(_commandWrite.AsSpan(0, 1 + commands.Length));
    }
}
