namespace Clamp.Training.Data;

/// <summary>
/// The ABC collections under <c>abc/</c> of the data folder: Nottingham (tune type or collection from the file name),
/// O'Neill's 1850 (R:), Essen (O: -> region), Aird's Airs, miscFolk and Ceol Rince na hÉireann (R:). Each tune is read
/// by Clamp.Music.
/// </summary>
public sealed class AbcCorpus(ScoreItemFactory factory)
{
    private static readonly Dictionary<string, string> CollectionNames = new()
    {
        ["nottingham"] = "the Nottingham Music Database",
        ["oneills1850"] = "O'Neill's Music of Ireland (1850)",
        ["essenFolksong"] = "the Essen folk song collection",
        ["airdsAirs"] = "Aird's Selection of Scotch, English, Irish and Foreign Airs",
        ["miscFolk"] = "a collection of folk tunes",
        ["cre"] = "Ceol Rince na hÉireann",
    };

    public IEnumerable<(ScoreItem? Item, string? Error)> Read()
    {
        var abcRoot = Path.Combine(factory.DataRoot, "abc");
        foreach (var path in Directory.EnumerateFiles(abcRoot, "*.abc", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(factory.DataRoot, path).Replace('\\', '/');
            var collection = relative.Split('/')[1];
            var fileName = Path.GetFileNameWithoutExtension(path);
            foreach (var result in factory.Importer.Import(path).Tunes)
            {
                var id = $"{relative}#{result.TuneIndex}";
                if (result.Tune is not { MusicText.Length: > 0 } tune)
                {
                    yield return (null, $"{id}: {result.Error?.Message ?? "no music"}");
                    continue;
                }

                var (source, labels) = Describe(collection, fileName, tune.Metadata);
                yield return (factory.Create(id, collection, tune, source, labels), null);
            }
        }
    }

    private static (SourceFacts Source, Dictionary<string, string> Labels) Describe(string collection, string fileName, Clamp.Music.TuneMetadata metadata)
    {
        var labels = new Dictionary<string, string>();
        var type = collection == "nottingham" ? NottinghamType(fileName) : TuneTypes.Normalise(metadata.Rhythm);
        var region = collection == "essenFolksong" ? EssenRegions.FromOrigin(metadata.Origin) : null;
        switch (collection)
        {
            case "nottingham" or "oneills1850" when type is not null:
                labels[DevTasks.TuneType] = type;
                break;
            case "cre" when type is not null:
                labels[DevTasks.HeldOutTuneType] = type;
                break;
            case "essenFolksong" when region is not null:
                labels[DevTasks.Region] = region;
                break;
        }

        var collectionName = CollectionNames.GetValueOrDefault(collection, collection);
        if (collection == "nottingham" && type is null)
        {
            collectionName = $"the {NottinghamCollection(fileName)} of the Nottingham Music Database";
        }

        var source = new SourceFacts
        {
            Repertoire = collection == "essenFolksong" ? Repertoire.FolkSong : Repertoire.FolkTune,
            Collection = collectionName,
            TuneType = type,
            Region = region ?? (collection is "oneills1850" or "cre" ? "Ireland" : null),
            UseFileNotes = collection != "essenFolksong",
        };
        return (source, labels);
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
