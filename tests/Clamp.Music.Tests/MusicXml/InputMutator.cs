using System.Text;
using System.Text.RegularExpressions;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>Seeded random inputs for fuzz tests: random bytes, byte-level and (for text) line- and number-level mutations.</summary>
internal sealed partial class InputMutator(int seed)
{
    private static readonly string[] OddNumbers = ["0", "-1", "-2147483648", "2147483648", "999999999999", "3.5", "1e9", "NaN", ""];
    private readonly Random _random = new(seed);

    public byte[] RandomBytes(int maxLength)
    {
        var bytes = new byte[_random.Next(maxLength + 1)];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Flips, overwrites, deletes or inserts a few bytes, or truncates.</summary>
    public byte[] MutateBytes(byte[] original)
    {
        var bytes = original.ToList();
        for (var i = _random.Next(1, 6); i > 0 && bytes.Count > 0; i--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << _random.Next(8)); break;
                case 1: bytes[at] = (byte)_random.Next(256); break;
                case 2: bytes.RemoveRange(at, Math.Min(_random.Next(1, 64), bytes.Count - at)); break;
                case 3: bytes.InsertRange(at, RandomBytes(16)); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Deletes, duplicates or swaps line ranges, or puts odd values in place of numbers: mostly still well-formed.</summary>
    public byte[] MutateText(string text)
    {
        var lines = text.Split('\n').ToList();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var at = _random.Next(lines.Count);
            var count = Math.Min(_random.Next(1, 20), lines.Count - at);
            switch (_random.Next(4))
            {
                case 0: lines.RemoveRange(at, count); break;
                case 1: lines.InsertRange(_random.Next(lines.Count), lines.GetRange(at, count)); break;
                case 2: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
                default: lines[at] = Number().Replace(lines[at], _ => OddNumbers[_random.Next(OddNumbers.Length)], 1); break;
            }

            if (lines.Count == 0)
            {
                break;
            }
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    [GeneratedRegex("-?[0-9]+")]
    private static partial Regex Number();
}
