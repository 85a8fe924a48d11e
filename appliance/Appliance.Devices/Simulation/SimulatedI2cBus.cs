using Appliance.Devices.I2c;

namespace Appliance.Devices.Simulation;

/// <summary>
/// An I2C bus in memory. Devices are attached by address; opening an address with nothing
/// attached gives a device that does not acknowledge (every transfer throws
/// <see cref="IOException"/>, as i2c-dev does with ENXIO).
/// </summary>
public sealed class SimulatedI2cBus : II2cBus
{
    private readonly Dictionary<int, II2cRegisterDevice> _devices = new();

    public SimulatedI2cBus(int busId = 1)
    {
        BusId = busId;
    }

    public int BusId { get; }

    public void Attach(II2cRegisterDevice device) => _devices[device.Address] = device;

    public II2cRegisterDevice Open(int address) =>
        _devices.TryGetValue(address, out II2cRegisterDevice? device) ? device : new Absent(address);

    private sealed class Absent : II2cRegisterDevice
    {
        public Absent(int address)
        {
            Address = address;
        }

        public int Address { get; }

        public void Write(ReadOnlySpan<byte> bytes) =>
            throw new IOException($"No device acknowledged at I2C address 0x{Address:X2}.");

        public void Read(Span<byte> buffer) =>
            throw new IOException($"No device acknowledged at I2C address 0x{Address:X2}.");

        public void Dispose()
        {
        }
    }
}
