using System.Buffers.Binary;
using System.Text;

namespace Clamp.Torch.Native;

/// <summary>
/// Reads and edits the version-needs table (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF shared library:
/// enough to mark one required symbol version as weak (<c>VER_FLG_WEAK</c>), so the dynamic loader accepts a
/// system library that lacks it as long as no symbol of that version is actually relocated.
/// </summary>
public static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>The flags of the needed version <paramref name="version"/>, or null when the file does not need it.</summary>
    public static ushort? FlagsOf(byte[] elf, string version) => FindAuxEntry(elf, version) is { } offset
        ? BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(offset + 4))
        : null;

    /// <summary>Sets VER_FLG_WEAK on the needed version; true when the bytes changed.</summary>
    public static bool MarkWeak(byte[] elf, string version)
    {
        var offset = FindAuxEntry(elf, version) ?? throw new InvalidDataException($"The library does not need {version}.");
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(offset + 4));
        if ((flags & VerFlagWeak) != 0)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(offset + 4), (ushort)(flags | VerFlagWeak));
        return true;
    }

    private static int? FindAuxEntry(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("Not a 64-bit little-endian ELF file.");
        }

        var sectionTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));
        for (var i = 0; i < count; i++)
        {
            var header = sectionTable + i * entrySize;
            if (BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(header + 4)) != ShtGnuVerneed)
            {
                continue;
            }

            var section = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(header + 0x18)));
            var link = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(header + 0x28));
            var strings = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(sectionTable + (int)link * entrySize + 0x18)));
            return FindInVerneed(elf, section, strings, version);
        }

        return null;
    }

    private static int? FindInVerneed(byte[] elf, int need, int strings, string version)
    {
        while (true)
        {
            var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(need + 2));
            var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(need + 8));
            for (var j = 0; j < auxCount; j++)
            {
                var name = ReadString(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 8)));
                if (name == version)
                {
                    return aux;
                }

                aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 12));
            }

            var next = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(need + 12));
            if (next == 0)
            {
                return null;
            }

            need += (int)next;
        }
    }

    private static string ReadString(byte[] elf, int offset)
    {
        var end = Array.IndexOf(elf, (byte)0, offset);
        return Encoding.ASCII.GetString(elf, offset, end - offset);
    }
}
