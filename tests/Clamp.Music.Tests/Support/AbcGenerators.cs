using FsCheck;
using FsCheck.Fluent;

namespace Clamp.Music.Tests.Support;

/// <summary>FsCheck generators of ABC-like text: bar lines, field lines, notes, odd characters.</summary>
public static class AbcGenerators
{
    /// <summary>Characters that make up ABC bodies, weighted towards bar-line characters.</summary>
    private const string BodyCharacters = "ABCDEFGabcdefgz2346/,'^_=-()<> \"[]{}!.~|||:::[\\";

    private static readonly string[] FieldLines = ["K:G", "M:6/8", "L:1/8", "V:1", "%%score 1 2", "T:x", "P:A", "k:", "Q:1/4=96", "%comment"];

    /// <summary>Lines of random ABC-ish body text mixed with field lines and empty lines, joined by '\n'.</summary>
    public static Gen<string> MusicText(string bodyCharacters = BodyCharacters) =>
        Gen.Frequency(
                (6, Gen.Elements(bodyCharacters.ToCharArray()).ListOf().Select(cs => new string(cs.ToArray()))),
                (2, Gen.Elements(FieldLines)),
                (1, Gen.Constant("")),
                (1, Gen.Elements('a', 'b', '|', 'x', '\t', '\r', 'é').ArrayOf(80).Select(cs => new string(cs))))
            .ListOf()
            .Select(lines => string.Join('\n', lines));

    public static Arbitrary<string> Music() => MusicText().ToArbitrary();

    /// <summary>Text of printable characters without spaces, so that every character is visible in a patch.</summary>
    public static Gen<string> DenseMusicText() => MusicText("ABCabc2/^=[]|||::").Select(t => t.Replace("%%score 1 2", "%%score").Replace("\t", "").Replace("\r", "").Replace("é", "e"));

    /// <summary>Words that share no letter with note names, so that they can be looked for in music text.</summary>
    public static Gen<string> Word() =>
        Gen.Elements("hijklmnopqrstuvwxy".ToCharArray()).ArrayOf().Where(cs => cs.Length >= 3).Select(cs => new string(cs));
}
