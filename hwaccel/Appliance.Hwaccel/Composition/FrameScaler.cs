using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Native;

namespace Appliance.Hwaccel.Composition;

/// <summary>
/// Scales a whole frame into a rectangle of a canvas through libswscale (bilinear), converting
/// between I420 and NV12 as needed. Keeps one cached SwsContext: a compositor keeps one scaler
/// per tile so steady layouts reuse their context. Nothing outside the target rectangle is written, whatever its width
/// (the shim scales widths libswscale would overrun through a scratch image). Not thread-safe.
/// </summary>
public sealed unsafe class FrameScaler : IDisposable
{
    private readonly ScalerHandle _handle;

    public FrameScaler()
    {
        _handle = NativeMethods.ah_scaler_create();
        if (_handle.IsInvalid)
        {
            throw new OutOfMemoryException("ah_scaler_create failed");
        }
    }

    /// <summary>
    /// Scales <paramref name="source"/> to fill <paramref name="target"/> of <paramref name="canvas"/>. The rectangle is
    /// snapped inwards to even coordinates (4:2:0) and must lie inside the canvas. Returns false (and draws nothing)
    /// when the rectangle is empty after snapping or the scale fails.
    /// </summary>
    public bool ScaleInto(VideoFrame source, VideoFrame canvas, PixelRect target)
    {
        PixelRect rect = target.AlignEven();
        if (rect.IsEmpty)
        {
            return false;
        }
        if (rect.X < 0 || rect.Y < 0 || rect.Right > canvas.Width || rect.Bottom > canvas.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(target), $"{target} is outside the {canvas.Width}x{canvas.Height} canvas");
        }
        int strideY = canvas.Stride(0), strideC = canvas.Stride(1);
        byte* dy = canvas.Pointer(0) + (rect.Y * strideY) + rect.X;
        byte* du, dv;
        if (canvas.Format == VideoPixelFormat.I420)
        {
            du = canvas.Pointer(1) + (rect.Y / 2 * strideC) + (rect.X / 2);
            dv = canvas.Pointer(2) + (rect.Y / 2 * strideC) + (rect.X / 2);
        }
        else
        {
            du = canvas.Pointer(1) + (rect.Y / 2 * strideC) + rect.X; // two bytes per chroma sample
            dv = null;
        }
        byte* sv = source.Format == VideoPixelFormat.I420 ? source.Pointer(2) : null;
        int result = NativeMethods.ah_scaler_scale(_handle,
            source.Pointer(0), source.Stride(0), source.Pointer(1), source.Stride(1), sv, source.Stride(1),
            source.Width, source.Height, (int)source.Format,
            dy, strideY, du, strideC, dv, strideC, rect.Width, rect.Height, (int)canvas.Format);
        return result == (int)NativeResult.Ok;
    }

    public void Dispose() => _handle.Dispose();
}
