using System.Globalization;

namespace Appliance.Devices.Hosting;

/// <summary>
/// Reads the GPIO chips from /sys/bus/gpio/devices/gpiochipN/label. The chip is chosen by
/// label, never by number: the Raspberry Pi 5 renumbered its chips (its header is on
/// "pinctrl-rp1", gpiochip4 on early kernels and gpiochip0 on later ones).
/// </summary>
public sealed class LinuxDeviceEnvironment : IDeviceEnvironment
{
    private readonly string _sysGpioDevices;
    private readonly string _dev;

    public LinuxDeviceEnvironment()
        : this("/sys/bus/gpio/devices", "/dev")
    {
    }

    /// <summary>Roots are parameters so a test can point them at a temporary folder.</summary>
    public LinuxDeviceEnvironment(string sysGpioDevices, string dev)
    {
        _sysGpioDevices = sysGpioDevices;
        _dev = dev;
    }

    public IReadOnlyList<GpioChipEntry> GpioChips()
    {
        var chips = new List<GpioChipEntry>();
        if (!Directory.Exists(_dev))
        {
            return chips;
        }

        foreach (string device in Directory.EnumerateFileSystemEntries(_dev, "gpiochip*"))
        {
            string name = Path.GetFileName(device);
            if (!int.TryParse(name.AsSpan("gpiochip".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                continue;
            }

            string labelFile = Path.Combine(_sysGpioDevices, name, "label");
            string label = File.Exists(labelFile) ? File.ReadAllText(labelFile).Trim() : string.Empty;
            chips.Add(new GpioChipEntry(index, label));
        }

        chips.Sort((a, b) => a.Index.CompareTo(b.Index));
        return chips;
    }

    public bool I2cBusExists(int busId) =>
        File.Exists(Path.Combine(_dev, "i2c-" + busId.ToString(CultureInfo.InvariantCulture)));
}
