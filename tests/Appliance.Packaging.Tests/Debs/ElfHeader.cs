using System.Buffers.Binary;

namespace Appliance.Packaging.Tests.Debs;

/// <summary>
/// The few fields of an ELF file header (System V ABI, "ELF Header") that tell which
/// machine a binary is for: e_ident's magic, class and data encoding, and e_machine.
/// </summary>
public readonly record struct ElfHeader(byte Class, byte Data, ushort Machine)
{
    public const ushort MachineX86_64 = 62;   // EM_X86_64
    public const ushort MachineAArch64 = 183; // EM_AARCH64

    // e_ident: 0x7f 'E' 'L' 'F', EI_CLASS at 4, EI_DATA at 5; e_type at 16, e_machine at 18.
    private const int MachineOffset = 18;

    /// <summary>Reads the header, or returns null when the file is not ELF (or too short to be).</summary>
    public static ElfHeader? Read(string path)
    {
        Span<byte> head = stackalloc byte[20];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
            return null;
        if (head[0] != 0x7f || head[1] != (byte)'E' || head[2] != (byte)'L' || head[3] != (byte)'F')
            return null;
        var data = head[5];
        var machine = data == 2
            ? BinaryPrimitives.ReadUInt16BigEndian(head[MachineOffset..])
            : BinaryPrimitives.ReadUInt16LittleEndian(head[MachineOffset..]);
        return new ElfHeader(head[4], data, machine);
    }
}
