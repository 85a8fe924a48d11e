namespace Appliance.Devices.I2c;

/// <summary>
/// One device on an I2C bus, at one 7-bit address. Writes are whole I2C transactions
/// (START, address+W, bytes, STOP). A device that does not acknowledge throws
/// <see cref="IOException"/>, as System.Device.I2c does on Linux (ENXIO / EREMOTEIO).
/// </summary>
public interface II2cRegisterDevice : IDisposable
{
    int Address { get; }

    void Write(ReadOnlySpan<byte> bytes);

    void Read(Span<byte> buffer);
}

/// <summary>An I2C bus (/dev/i2c-{BusId}) that opens devices by address.</summary>
public interface II2cBus
{
    int BusId { get; }

    /// <summary>Opens the device; the caller owns (and disposes) what is returned.</summary>
    II2cRegisterDevice Open(int address);
}
