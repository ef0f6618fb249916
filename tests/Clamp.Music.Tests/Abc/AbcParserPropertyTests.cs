using System.Text;
using Clamp.Music.Abc;
using Clamp.Music.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Clamp.Music.Tests.Abc;

public class AbcParserPropertyTests
{
    private static Gen<(string Title, string Rhythm, string Body, string Abc)> Tunes() =>
        from title in AbcGenerators.Word()
        from rhythm in AbcGenerators.Word()
        from notes in Gen.Elements("ABCDEFGabcdefg".ToCharArray()).NonEmptyListOf()
        from body in AbcGenerators.MusicText("ABCDEFGabcdefgz2346/,'^_=-()<> []{}.~|||:::")
        let music = new string(notes.ToArray()) + "|\n" + body
        select (title, rhythm, music, $"X:1\nT:{title}\nR:{rhythm}\nN:{title} notes\nK:D\n{music}\nw:{title} {rhythm}\n");

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Text_fields_reach_the_metadata_and_never_the_music() =>
        Prop.ForAll(Tunes().ToArbitrary(), tune =>
        {
            var parsed = AbcParser.ParseTune(tune.Abc);
            return parsed.Metadata.Title == tune.Title
                && parsed.Metadata.Rhythm == tune.Rhythm
                && !parsed.MusicText.Contains(tune.Title, StringComparison.Ordinal)
                && !parsed.MusicText.Contains(tune.Rhythm, StringComparison.Ordinal)
                && parsed.MusicText.StartsWith("K:D\n", StringComparison.Ordinal);
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Music_text_is_ascii_without_comments_or_blank_lines() =>
        Prop.ForAll(AbcGenerators.Music(), text =>
        {
            var results = AbcParser.ParseFile(text);
            return results.Count > 0 && results.All(r => r.Succeeded
                ? Ascii.IsValid(r.Tune!.MusicText) && r.Tune.MusicText.Split('\n').All(l => l.Trim().Length > 0 && !l.StartsWith("%c", StringComparison.Ordinal))
                : r.Error!.Code.StartsWith("abc.", StringComparison.Ordinal) && r.Error.Code != "abc.unexpected");
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Each_tune_of_a_file_reads_as_it_does_alone() =>
        Prop.ForAll(Tunes().ListOf().Where(t => t.Count > 0).ToArbitrary(), tunes =>
        {
            var file = string.Join("\n", tunes.Select(t => t.Abc));
            var together = AbcParser.ParseFile(file).Select(r => r.Tune!.MusicText);
            return together.SequenceEqual(tunes.Select(t => AbcParser.ParseTune(t.Abc).MusicText));
        });
}
