using System.CommandLine;
using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands.Upload;

/// <summary>
/// <c>clamp upload DIR|FILE [--no-wait] [--timeout S] [--json]</c>: sends score files through the ingest API (a directory
/// recursively), with progress on stderr, then by default waits until every score is indexed or failed and prints how
/// many were indexed and each failure with its reason. Exits 0 when none failed, 1 when some did.
/// </summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = $"A score file, or a directory to upload recursively ({string.Join(", ", ScoreFileFinder.Extensions)})." };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once uploaded; do not wait for indexing." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for indexing; scores not indexed by then count as failed.", DefaultValueFactory = _ => 600 };
        var json = JsonOutput.CreateOption();
        var platform = new PlatformOptions();

        var command = new Command("upload", "Upload scores through the ingest API and wait until they are indexed.") { path, noWait, timeout, json };
        platform.AddIngestTo(command);
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
                result.AddError("--timeout must be a positive number of seconds");
        });
        command.SetAction((result, cancellation) => CommandFailures.Run(result.InvocationConfiguration.Error, async () =>
        {
            var root = result.GetRequiredValue(path);
            var files = ScoreFileFinder.Find(root);
            using var connection = PlatformConnection.Open(platform.Settings(result), PlatformConnection.IngestTimeout);
            var ingest = connection.Ingest;
            var progress = result.InvocationConfiguration.Error;
            var outcomes = await new ScoreUploader(ingest, progress).UploadAsync(files, root, cancellation);
            var wait = !result.GetValue(noWait);
            if (wait)
                outcomes = await new IndexingWaiter(ingest, progress).WaitAsync(outcomes, TimeSpan.FromSeconds(result.GetValue(timeout)), cancellation);

            var summary = UploadSummary.From(outcomes);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
                JsonOutput.Write(output, summary.ToJson());
            else
                summary.Write(output, wait);
            return summary.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }
}
