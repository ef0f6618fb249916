using Clamp.Music;
using Clamp.Music.Abc;

namespace Clamp.Training.Data;

/// <summary>
/// The ABC collections under <c>abc/</c> of the data folder: Nottingham (tune type or collection from the file name),
/// O'Neill's 1850 (R:), Essen (O: -> region), Aird's Airs and miscFolk. Each tune is read by Clamp.Music.
/// </summary>
public sealed class AbcCorpus(string dataRoot, ScoreImporter importer)
{
    private static readonly Dictionary<string, string> CollectionNames = new()
    {
        ["nottingham"] = "Nottingham Music Database",
        ["oneills1850"] = "O'Neill's Music of Ireland (1850)",
        ["essenFolksong"] = "Essen folk song collection",
        ["airdsAirs"] = "Aird's Selection of Scotch, English, Irish and Foreign Airs",
        ["miscFolk"] = "folk tunes",
    };

    public IEnumerable<(ScoreItem? Item, string? Error)> Read(double devShare)
    {
        var abcRoot = Path.Combine(dataRoot, "abc");
        foreach (var path in Directory.EnumerateFiles(abcRoot, "*.abc", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(dataRoot, path).Replace('\\', '/');
            var collection = relative.Split('/')[1];
            var import = importer.Import(path);
            foreach (var result in import.Tunes)
            {
                var id = $"{relative}#{result.TuneIndex}";
                yield return result.Tune is { } tune && tune.MusicText.Length > 0
                    ? (ToItem(id, collection, Path.GetFileNameWithoutExtension(path), tune, devShare), null)
                    : (null, $"{id}: {result.Error?.Message ?? "no music"}");
            }
        }
    }

    private static ScoreItem ToItem(string id, string collection, string fileName, AbcTune tune, double devShare)
    {
        var labels = new Dictionary<string, string>();
        var lines = MetadataLines.From(tune.Metadata);
        switch (collection)
        {
            case "nottingham":
                if (NottinghamType(fileName) is { } type)
                {
                    lines.Add("Type", type);
                    labels[DevTasks.TuneType] = type;
                }
                else
                {
                    lines.Add("Collection", NottinghamCollection(fileName));
                }

                break;
            case "oneills1850" when TuneTypes.Normalise(tune.Metadata.Rhythm) is { } rhythm:
                labels[DevTasks.TuneType] = rhythm;
                break;
            case "essenFolksong" when EssenRegions.FromOrigin(tune.Metadata.Origin) is { } region:
                lines.Add("Region", region);
                labels[DevTasks.Region] = region;
                break;
        }

        lines.Add("Collection", CollectionNames.GetValueOrDefault(collection, collection));
        return new ScoreItem
        {
            Id = id,
            Collection = collection,
            MusicText = tune.MusicText,
            TextLines = lines.ToList(),
            Labels = labels,
            IsDev = Split.IsDev(id, devShare),
        };
    }

    private static string? NottinghamType(string fileName) => fileName switch
    {
        "jigs" => "jig",
        "hpps" => "hornpipe",
        "waltzes" => "waltz",
        "slip" => "slip jig",
        _ when fileName.StartsWith("reels", StringComparison.Ordinal) => "reel",
        _ => null,
    };

    private static string NottinghamCollection(string fileName) => fileName switch
    {
        "ashover" => "Ashover collection",
        "morris" => "Morris dance tunes",
        "playford" => "Playford dances",
        "xmas" => "Christmas carols",
        _ => fileName,
    };
}
