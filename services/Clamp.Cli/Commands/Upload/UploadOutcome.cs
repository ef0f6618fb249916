namespace Clamp.Cli.Commands.Upload;

/// <summary>
/// What became of one score of an upload: <see cref="File"/> names it (with <c>#n</c> for the n-th tune of a
/// multi-tune ABC file); <see cref="Id"/> is null when the upload itself was refused; <see cref="Status"/> is the
/// ingest status last seen ("indexed", "failed", …) or "refused"; <see cref="Reason"/> says why it failed.
/// </summary>
public sealed record UploadOutcome(string File, Guid? Id, string Status, string? Reason = null)
{
    /// <summary>Stored by the ingest API; its indexing not (yet) looked at.</summary>
    public const string Uploaded = "uploaded";

    /// <summary>Not stored: the ingest API refused it or the file could not be read.</summary>
    public const string Refused = "refused";

    public bool IsIndexed => Status == Clamp.Client.ScoreStatus.Indexed;

    public bool IsFailed => Reason is not null;
}
