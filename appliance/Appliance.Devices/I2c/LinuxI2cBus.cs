using System.Device.I2c;

namespace Appliance.Devices.I2c;

/// <summary><see cref="II2cBus"/> over System.Device.I2c (the kernel's i2c-dev, /dev/i2c-N).</summary>
public sealed class LinuxI2cBus : II2cBus
{
    public LinuxI2cBus(int busId)
    {
        BusId = busId;
    }

    public int BusId { get; }

    public II2cRegisterDevice Open(int address) =>
        new Device(I2cDevice.Create(new I2cConnectionSettings(BusId, address)), address);

    private sealed class Device : II2cRegisterDevice
    {
        private readonly I2cDevice _device;

        public Device(I2cDevice device, int address)
        {
            _device = device;
            Address = address;
        }

        public int Address { get; }

        public void Write(ReadOnlySpan<byte> bytes) => _device.Write(bytes);

        public void Read(Span<byte> buffer) => _device.Read(buffer);

        public void Dispose() => _device.Dispose();
    }
}
