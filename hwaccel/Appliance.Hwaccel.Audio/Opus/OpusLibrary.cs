using System.Runtime.InteropServices;
using Appliance.Hwaccel.Audio.Opus.Interop;

namespace Appliance.Hwaccel.Audio.Opus;

/// <summary>Facts about the libopus the process has loaded.</summary>
public static unsafe class OpusLibrary
{
    /// <summary>The soname loaded: <c>libopus.so.0</c> (Debian package <c>libopus0</c>).</summary>
    public const string SoName = LibOpus.LibraryName;

    /// <summary>True when libopus can be loaded on this machine (for a startup probe).</summary>
    public static bool IsAvailable
    {
        get
        {
            if (!NativeLibrary.TryLoad(SoName, typeof(OpusLibrary).Assembly, null, out var handle))
            {
                return false;
            }

            NativeLibrary.Free(handle);
            return true;
        }
    }

    /// <summary>The version string of the loaded libopus, e.g. <c>libopus 1.3.1</c> (<c>opus_get_version_string</c>).</summary>
    public static string Version => Marshal.PtrToStringUTF8((IntPtr)LibOpus.GetVersionString()) ?? string.Empty;

    /// <summary>libopus' own description of an error code (<c>opus_strerror</c>).</summary>
    public static string Describe(OpusError error) =>
        Marshal.PtrToStringUTF8((IntPtr)LibOpus.StrError((int)error)) ?? error.ToString();
}
