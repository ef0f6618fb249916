using System.Text.RegularExpressions;

namespace Clamp.Training.Data;

/// <summary>
/// The OpenScore corpora: Lieder (art songs for voice and piano) and string quartets. A score file
/// <c>scores/&lt;composer&gt;/&lt;set&gt;/…/lc&lt;id&gt;.mxl</c> (<c>sq&lt;id&gt;</c> for quartets) is joined on its id with
/// <c>scores.tsv</c> (title, set), <c>sets.tsv</c> (set name, composer) and <c>composers.tsv</c> (name, dates, a
/// one-line description); a score missing from the index takes its composer and title from its folders.
/// </summary>
public sealed partial class OpenScoreCorpus(ScoreItemFactory factory)
{
    public IEnumerable<(ScoreItem? Item, string? Error)> ReadLieder() =>
        Read("openscore-lieder", Repertoire.ArtSong, DevTasks.SongComposer);

    public IEnumerable<(ScoreItem? Item, string? Error)> ReadQuartets() =>
        Read("openscore-quartets", Repertoire.StringQuartet, null);

    private IEnumerable<(ScoreItem? Item, string? Error)> Read(string folder, string repertoire, string? composerTask)
    {
        var root = Path.Combine(factory.DataRoot, "musicxml", folder);
        var scores = TsvTable.Read(Path.Combine(root, "scores.tsv")).ToDictionary(r => r["id"], StringComparer.Ordinal);
        var sets = TsvTable.Read(Path.Combine(root, "sets.tsv")).ToDictionary(r => r["id"], StringComparer.Ordinal);
        var composers = TsvTable.Read(Path.Combine(root, "composers.tsv"));
        var composersById = composers.ToDictionary(r => r["id"], StringComparer.Ordinal);
        var composersByPath = composers.ToDictionary(r => r["path"], StringComparer.Ordinal);
        var scoresRoot = Path.Combine(root, "scores");
        foreach (var path in Directory.EnumerateFiles(scoresRoot, "*.mxl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folders = Path.GetRelativePath(scoresRoot, path).Replace('\\', '/').Split('/');
            var score = scores.GetValueOrDefault(ScoreId(path));
            var set = score is null ? null : sets.GetValueOrDefault(score["set_id"]);
            var composer = (set is null ? null : composersById.GetValueOrDefault(set["composer_id"])) ?? composersByPath.GetValueOrDefault(folders[0]);
            var composerName = composer?["name"] ?? PersonNames.Readable(folders[0]);
            var source = new SourceFacts
            {
                Repertoire = repertoire,
                Collection = folder == "openscore-lieder" ? "the OpenScore Lieder corpus" : "the OpenScore string quartet corpus",
                Title = score?["name"] ?? FolderTitle(folders[^2]),
                Set = SetName(set?["name"] ?? (folders.Length > 3 ? FolderTitle(folders[1]) : null), score?["name"]),
                Composer = composerName,
                ComposerDates = composer is null ? null : Dates(composer["born"], composer["died"]),
                ComposerDescription = composer?["desc"],
            };
            var labels = composerTask is null ? null : new Dictionary<string, string> { [composerTask] = composerName };
            yield return factory.FromFile(path, folder, source, labels);
        }
    }

    /// <summary>"lc5079391.mxl" -> "5079391".</summary>
    private static string ScoreId(string path) => Digits().Match(Path.GetFileNameWithoutExtension(path)).Value;

    /// <summary>"4_Chant_d’automne" -> "Chant d’automne"; "_" (no set) -> null.</summary>
    private static string? FolderTitle(string folder)
    {
        var title = LeadingNumber().Replace(folder, "").Replace('_', ' ').Trim();
        return title.Length > 0 ? title : null;
    }

    /// <summary>A set's name when it says something: not the catch-all "Other songs by …", not the title again.</summary>
    private static string? SetName(string? set, string? title) =>
        set is null || set.StartsWith("Other ", StringComparison.Ordinal) || string.Equals(set, title, StringComparison.OrdinalIgnoreCase) ? null : set;

    private static string? Dates(string born, string died) => born.Length > 0 && died.Length > 0 ? $"{born}-{died}" : null;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\d+_")]
    private static partial Regex LeadingNumber();
}
