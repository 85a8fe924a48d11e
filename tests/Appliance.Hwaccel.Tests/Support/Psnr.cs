using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Tests.Support;

/// <summary>Peak signal-to-noise ratio between two pictures of the same size, over Y, U and V samples.</summary>
public static class Psnr
{
    public static double Compute(VideoFrame expected, VideoFrame actual)
    {
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.Height, actual.Height);
        long squared = 0, samples = 0;
        for (int component = 0; component < 3; component++)
        {
            Accumulate(expected, actual, component, ref squared, ref samples);
        }
        double mse = (double)squared / samples;
        return mse == 0 ? 99 : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>Compares one component (0 Y, 1 U, 2 V) sample by sample, whatever the frames' layouts.</summary>
    private static void Accumulate(VideoFrame a, VideoFrame b, int component, ref long squared, ref long samples)
    {
        int width = component == 0 ? a.Width : a.Layout.ChromaWidth;
        int height = component == 0 ? a.Height : a.Layout.ChromaHeight;
        Component ca = new(a, component), cb = new(b, component);
        for (int row = 0; row < height; row++)
        {
            for (int col = 0; col < width; col++)
            {
                int diff = ca.At(col, row) - cb.At(col, row);
                squared += diff * diff;
            }
        }
        samples += (long)width * height;
    }

    /// <summary>One sample of a component at (x, y) in that component's own resolution.</summary>
    public static byte Sample(VideoFrame frame, int component, int x, int y) => new Component(frame, component).At(x, y);

    private readonly ref struct Component
    {
        private readonly ReadOnlySpan<byte> _plane;
        private readonly int _stride, _step, _offset;

        public Component(VideoFrame frame, int component)
        {
            bool interleaved = component > 0 && frame.Format == VideoPixelFormat.Nv12;
            _plane = frame.Plane(interleaved ? 1 : component);
            _stride = frame.Stride(component == 0 ? 0 : 1);
            _step = interleaved ? 2 : 1;
            _offset = interleaved ? component - 1 : 0;
        }

        public byte At(int x, int y) => _plane[(y * _stride) + (x * _step) + _offset];
    }
}
