namespace Clamp.Cli.Commands.Upload;

/// <summary>
/// The end of <c>clamp upload</c>: how many scores were uploaded and indexed, and each failure with its reason, as
/// text or as the <c>--json</c> object <c>{"uploaded","indexed","failed":[{"file","id","reason"}],"scores":[{"file","id","status"}]}</c>
/// (<c>scores</c>: every score uploaded, so that a script has the ids).
/// </summary>
public sealed record UploadSummary(int Uploaded, int Indexed, IReadOnlyList<UploadOutcome> Failed, IReadOnlyList<UploadOutcome> Scores)
{
    public static UploadSummary From(IReadOnlyList<UploadOutcome> outcomes) => new(
        outcomes.Count(o => o.Id is not null),
        outcomes.Count(o => o.IsIndexed),
        outcomes.Where(o => o.IsFailed).ToList(),
        outcomes.Where(o => o.Id is not null).ToList());

    public object ToJson() => new
    {
        uploaded = Uploaded,
        indexed = Indexed,
        failed = Failed.Select(f => new { file = f.File, id = f.Id, reason = f.Reason }).ToList(),
        scores = Scores.Select(s => new { file = s.File, id = s.Id, status = s.Status }).ToList(),
    };

    public void Write(TextWriter output, bool waited)
    {
        output.WriteLine(waited
            ? $"uploaded {Uploaded} score(s): {Indexed} indexed, {Failed.Count} failed"
            : $"uploaded {Uploaded} score(s), {Failed.Count} refused (not waiting for indexing: see clamp status ID)");
        foreach (var failure in Failed)
            output.WriteLine($"  failed {failure.File}{(failure.Id is { } id ? $" [{id}]" : "")}: {failure.Reason}");
    }
}
