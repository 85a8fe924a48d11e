namespace Appliance.Devices.Display;

/// <summary>A one-bit 128x64 panel that can show a <see cref="MonoBitmap"/> (the SSD1306 driver).</summary>
public interface IMonoDisplay : IDisposable
{
    void Show(MonoBitmap picture);
}
