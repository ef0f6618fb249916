using Clamp.Cli.Commands.Connection;
using Clamp.Client;

namespace Clamp.Cli.Commands.Upload;

/// <summary>
/// Sends score files to the ingest API one by one, with a line of progress each on stderr. An ABC file goes to the
/// batch route, so each of its tunes becomes a score; any other file is one score. A file the API refuses, or that
/// cannot be read, is a failed outcome with the reason; an unreachable server or refused key stops the upload.
/// </summary>
public sealed class ScoreUploader(ClampIngestClient ingest, TextWriter progress)
{
    public async Task<IReadOnlyList<UploadOutcome>> UploadAsync(IReadOnlyList<string> files, string root, CancellationToken cancellationToken)
    {
        var outcomes = new List<UploadOutcome>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = DisplayName(files[i], root);
            var uploaded = await UploadFileAsync(files[i], name, cancellationToken);
            outcomes.AddRange(uploaded);
            progress.WriteLine($"[{i + 1}/{files.Count}] {name}: {Describe(uploaded)}");
        }

        return outcomes;
    }

    private async Task<IReadOnlyList<UploadOutcome>> UploadFileAsync(string path, string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await InputFiles.ReadAllBytesAsync(path, cancellationToken);
            var fileName = Path.GetFileName(path);
            if (!Path.GetExtension(path).Equals(".abc", StringComparison.OrdinalIgnoreCase))
                return [new UploadOutcome(name, await ingest.UploadAsync(fileName, content, [], cancellationToken), UploadOutcome.Uploaded)];

            var items = await ingest.UploadBatchAsync(fileName, content, cancellationToken);
            return items.Select(item => new UploadOutcome(TuneName(name, fileName, item.Source), item.Id,
                item.Id is null ? UploadOutcome.Refused : UploadOutcome.Uploaded,
                item.Error is { } error ? $"{error.Code}: {error.Message}" : null)).ToList();
        }
        catch (ClampException e) when (e.Failure == ClampFailure.Refused)
        {
            return [new UploadOutcome(name, null, UploadOutcome.Refused, e.Reason)];
        }
        catch (CliFailure e) when (e.ExitCode == ExitCodes.UnreadableInput)
        {
            return [new UploadOutcome(name, null, UploadOutcome.Refused, e.Message)];
        }
    }

    /// <summary>The batch names a tune "file.abc#3"; the outcome keeps the path shown, with the same "#3".</summary>
    private static string TuneName(string name, string fileName, string source) =>
        source.StartsWith(fileName, StringComparison.Ordinal) ? name + source[fileName.Length..] : $"{name} ({source})";

    private static string DisplayName(string path, string root) =>
        File.Exists(root) ? path : Path.GetRelativePath(root, path);

    private static string Describe(IReadOnlyList<UploadOutcome> uploaded)
    {
        var refused = uploaded.Where(o => o.IsFailed).ToList();
        var stored = uploaded.Count - refused.Count;
        var text = stored == 1 && uploaded.Count == 1 ? $"uploaded {uploaded[0].Id}" : $"{stored} score(s) uploaded";
        return refused.Count == 0 ? text : $"{text}, {refused.Count} refused ({refused[0].Reason})";
    }
}
