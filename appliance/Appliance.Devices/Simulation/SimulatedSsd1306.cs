using Appliance.Devices.Display;
using Appliance.Devices.I2c;
using Appliance.Devices.Ssd1306;

namespace Appliance.Devices.Simulation;

/// <summary>
/// An SSD1306 controller in memory, at the I2C bus: it decodes the control byte (datasheet
/// 8.1.5.2), executes the commands that move the GDDRAM pointer (horizontal and page
/// addressing, 10.1.3-10.1.5 and 10.1.13) and records the display RAM, every command byte,
/// and whether the panel is on. Malformed input is counted, never thrown.
/// </summary>
public sealed class SimulatedSsd1306 : II2cRegisterDevice
{
    private readonly byte[] _ram = new byte[MonoBitmap.Width * MonoBitmap.Pages];
    private readonly List<byte> _commandBytes = new();
    private readonly List<byte> _pendingArguments = new();
    private byte? _pendingCommand;
    private int _addressingMode = Ssd1306Command.PageAddressing; // reset value, 10.1.3
    private int _columnStart;
    private int _columnEnd = MonoBitmap.Width - 1;
    private int _pageStart;
    private int _pageEnd = MonoBitmap.Pages - 1;
    private int _column;
    private int _page;

    public SimulatedSsd1306(int address = Ssd1306Display.DefaultAddress)
    {
        Address = address;
    }

    public int Address { get; }

    /// <summary>GDDRAM content is undefined at power-on; this fills it with noise, as a real panel shows.</summary>
    public void PowerOnWithNoise(int seed) => new Random(seed).NextBytes(_ram);

    public bool IsDisplayOn { get; private set; }

    public bool IsChargePumpOn { get; private set; }

    public byte Contrast { get; private set; } = 0x7F;

    public int AddressingMode => _addressingMode;

    public bool IsDisposed { get; private set; }

    /// <summary>Transactions that did not make sense (empty, or a data byte with no control byte).</summary>
    public int MalformedWrites { get; private set; }

    /// <summary>How many I2C write transactions carried GDDRAM data.</summary>
    public int DataWrites { get; private set; }

    /// <summary>Every command byte received (arguments included), in order.</summary>
    public IReadOnlyList<byte> CommandBytes => _commandBytes;

    public ReadOnlySpan<byte> Ram => _ram;

    /// <summary>A pixel of the display RAM (not corrected for segment remap or COM scan direction).</summary>
    public bool GetPixel(int x, int y) => (_ram[(y >> 3) * MonoBitmap.Width + x] & (1 << (y & 7))) != 0;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (bytes.IsEmpty)
        {
            MalformedWrites++;
            return;
        }

        bool wroteData = false;
        int i = 0;
        while (i < bytes.Length)
        {
            byte control = bytes[i++];
            if ((control & 0x3F) != 0)
            {
                MalformedWrites++;
                return;
            }

            bool continuation = (control & 0x80) != 0; // Co = 1: one byte, then another control byte
            bool isData = (control & 0x40) != 0;
            ReadOnlySpan<byte> payload = continuation ? bytes.Slice(i, Math.Min(1, bytes.Length - i)) : bytes[i..];
            if (payload.IsEmpty)
            {
                MalformedWrites++;
                return;
            }

            foreach (byte b in payload)
            {
                if (isData)
                {
                    WriteRam(b);
                    wroteData = true;
                }
                else
                {
                    Command(b);
                }
            }

            i += payload.Length;
        }

        if (wroteData)
        {
            DataWrites++;
        }
    }

    /// <summary>Reads the status byte (datasheet 8.1.5.2 read mode): bit 6 = display off.</summary>
    public void Read(Span<byte> buffer) => buffer.Fill(IsDisplayOn ? (byte)0x00 : (byte)0x40);

    public void Dispose() => IsDisposed = true;

    private void Command(byte b)
    {
        _commandBytes.Add(b);
        if (_pendingCommand is byte pending)
        {
            _pendingArguments.Add(b);
            if (_pendingArguments.Count == Ssd1306Command.ArgumentCount(pending))
            {
                Execute(pending, _pendingArguments);
                _pendingCommand = null;
                _pendingArguments.Clear();
            }

            return;
        }

        if (Ssd1306Command.ArgumentCount(b) > 0)
        {
            _pendingCommand = b;
            return;
        }

        Execute(b, []);
    }

    private void Execute(byte command, List<byte> args)
    {
        switch (command)
        {
            case Ssd1306Command.DisplayOn: IsDisplayOn = true; break;
            case Ssd1306Command.DisplayOff: IsDisplayOn = false; break;
            case Ssd1306Command.SetContrast: Contrast = args[0]; break;
            case Ssd1306Command.ChargePump: IsChargePumpOn = (args[0] & 0x04) != 0; break;
            case Ssd1306Command.SetMemoryAddressingMode: _addressingMode = args[0] & 0x03; break;
            case Ssd1306Command.SetColumnAddress:
                _columnStart = _column = args[0] & 0x7F;
                _columnEnd = args[1] & 0x7F;
                break;
            case Ssd1306Command.SetPageAddress:
                _pageStart = _page = args[0] & 0x07;
                _pageEnd = args[1] & 0x07;
                break;
            case >= Ssd1306Command.SetPageStart and <= Ssd1306Command.SetPageStart + 7:
                _page = command & 0x07;
                break;
            case <= 0x0F when _addressingMode == Ssd1306Command.PageAddressing:
                _column = (_column & 0xF0) | command;
                break;
            case >= Ssd1306Command.SetHigherColumnStart and <= 0x17 when _addressingMode == Ssd1306Command.PageAddressing:
                _column = ((command & 0x07) << 4) | (_column & 0x0F);
                break;
        }
    }

    private void WriteRam(byte b)
    {
        _ram[_page * MonoBitmap.Width + _column] = b;
        if (_addressingMode == Ssd1306Command.PageAddressing)
        {
            _column = (_column + 1) & 0x7F;
            return;
        }

        // Horizontal addressing: column first, wrapping to the next page within the ranges (10.1.3).
        if (_column < _columnEnd)
        {
            _column++;
            return;
        }

        _column = _columnStart;
        _page = _page < _pageEnd ? _page + 1 : _pageStart;
    }
}
