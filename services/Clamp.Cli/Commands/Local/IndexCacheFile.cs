using System.Text.Json;

namespace Clamp.Cli.Commands.Local;

/// <summary>
/// The local index of a directory: one JSON file per model version, <c>DIR/.clamp-index/&lt;modelId&gt;@&lt;version&gt;.json</c>,
/// <c>{"format":1,"model":"clamp-small@2.0.0","files":{"relative/path.abc":{"size","lastWriteTicks","error","tunes":[{"path","title","vector"}]}}}</c>.
/// A cache that cannot be read is rebuilt, with a warning; one that cannot be written is a warning too.
/// </summary>
public static class IndexCacheFile
{
    public const string FolderName = ".clamp-index";
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Contents(int Format, string Model, Dictionary<string, IndexedFile> Files);

    public static string PathOf(string root, string modelName) => Path.Combine(root, FolderName, modelName + ".json");

    public static Dictionary<string, IndexedFile> Load(string root, string modelName, TextWriter warnings)
    {
        var path = PathOf(root, modelName);
        if (!File.Exists(path))
            return new Dictionary<string, IndexedFile>(StringComparer.Ordinal);
        try
        {
            using var stream = File.OpenRead(path);
            var contents = JsonSerializer.Deserialize<Contents>(stream, Json);
            if (contents is { Format: Format, Files: not null } && contents.Model == modelName)
                return new Dictionary<string, IndexedFile>(contents.Files, StringComparer.Ordinal);
            warnings.WriteLine($"clamp: warning: {path} is not a {modelName} index of this format; rebuilding it");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            warnings.WriteLine($"clamp: warning: {path} cannot be read ({e.Message.ReplaceLineEndings(" ")}); rebuilding it");
        }

        return new Dictionary<string, IndexedFile>(StringComparer.Ordinal);
    }

    /// <summary>Writes the index (to a temporary file first, so that an interrupted run leaves the old one whole).</summary>
    public static void Save(string root, string modelName, IReadOnlyDictionary<string, IndexedFile> files, TextWriter warnings)
    {
        var path = PathOf(root, modelName);
        var temporary = path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = File.Create(temporary))
                JsonSerializer.Serialize(stream, new Contents(Format, modelName, new Dictionary<string, IndexedFile>(files)), Json);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.WriteLine($"clamp: warning: the index cannot be saved to {path} ({e.Message}); the next run embeds again");
        }
    }
}
