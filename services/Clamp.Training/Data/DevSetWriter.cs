using System.Text.Json;
using Clamp.Training.Loop;

namespace Clamp.Training.Data;

/// <summary>
/// Writes the dev split as <c>clamp eval</c> JSONL files: <c>search.jsonl</c> (id, text = the description, music, and the
/// title and composer a catalogue would hold, which <c>clamp eval search --server</c> uploads as metadata),
/// <c>search-held-out.jsonl</c> (the same over the held-out collections only), <c>search-musical.jsonl</c> (the same
/// scores, text = only the sentences computed from the music: no title, person or collection)
/// and one <c>&lt;task&gt;.jsonl</c> per zero-shot task (id, label, music). The music is the tune's music text (metadata
/// already removed) under an <c>X:1</c> line, which <c>clamp eval</c> reads back as ABC.
/// </summary>
public static class DevSetWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Write(IReadOnlyList<ScoreItem> items, IReadOnlySet<string> heldOutCollections, string directory)
    {
        Directory.CreateDirectory(directory);
        var dev = items.Where(i => i.IsDev).ToList();
        var written = new List<string>
        {
            WriteSearch(Path.Combine(directory, "search.jsonl"), dev, i => i.Description),
            WriteSearch(Path.Combine(directory, "search-musical.jsonl"), dev.Where(i => i.MusicSentences.Count > 0), i => string.Join(" ", i.MusicSentences)),
        };
        var heldOut = dev.Where(i => heldOutCollections.Contains(i.Collection)).ToList();
        if (heldOut.Count > 0)
        {
            written.Add(WriteSearch(Path.Combine(directory, "search-held-out.jsonl"), heldOut, i => i.Description));
        }

        foreach (var task in DevTasks.All)
        {
            var labelled = dev.Where(i => i.Labels.ContainsKey(task)).ToList();
            var kept = labelled.GroupBy(i => i.Labels[task]).Where(g => g.Count() >= DevEvaluation.MinScoresPerLabel).Select(g => g.Key).ToHashSet();
            var lines = labelled.Where(i => kept.Contains(i.Labels[task])).Select(i => new { id = i.Id, label = i.Labels[task], music = Music(i) }).ToList();
            if (lines.Count > 0)
            {
                written.Add(WriteLines(Path.Combine(directory, task + ".jsonl"), lines));
            }
        }

        return written;
    }

    private static string WriteSearch(string path, IEnumerable<ScoreItem> items, Func<ScoreItem, string> text) =>
        WriteLines(path, items.Select(i => new { id = i.Id, text = text(i), music = Music(i), title = i.Title, composer = i.Composer }));

    private static string Music(ScoreItem item) => "X:1\n" + item.MusicText;

    private static string WriteLines<T>(string path, IEnumerable<T> lines)
    {
        File.WriteAllLines(path, lines.Select(l => JsonSerializer.Serialize(l, Json)));
        return path;
    }
}
