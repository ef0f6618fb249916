using Clamp.Contracts.Messages;
using Clamp.Music;
using Clamp.Music.Patching;
using Microsoft.Extensions.Options;

namespace Clamp.Patching;

/// <summary>
/// Reads an ingested score's first tune with <see cref="ScoreImporter"/> (MusicXML and MIDI are converted to ABC;
/// the tunes after the first are never read) and cuts it into patches: the <see cref="ScorePatched"/> to publish, or
/// the <see cref="ScoreFailed"/> that says why the score cannot be read, a score too complex to read within the
/// importer's budget included (<c>abc.too-complex</c> …). Deterministic: the same score always gives the same answer.
/// </summary>
internal sealed class ScorePatcher(ScoreImporter importer, IOptions<PatchingOptions> options)
{
    private readonly ModelInput _input = ModelInput.Of(options.Value.Scheme, options.Value.MaxPatches, null);

    public PatchingOutcome Patch(ScoreIngested score)
    {
        var tune = importer.ImportFirstTune(score.FileName, score.Content);
        if (tune.Tune is null)
        {
            var error = tune.Error!;
            return PatchingOutcome.Of(new ScoreFailed
            {
                ScoreId = score.ScoreId,
                Stage = PipelineStage.Patching,
                Code = error.Code,
                Reason = $"{score.FileName}: {error.Message}",
                ModelVersion = score.TargetModelVersion,
            });
        }

        var patches = _input.Patch(tune.Tune);
        return PatchingOutcome.Of(new ScorePatched
        {
            ScoreId = score.ScoreId,
            ContentHash = score.ContentHash,
            PatchScheme = _input.SchemeName,
            PatchLength = patches.PatchLength,
            Patches = patches.Ids,
            PatchCount = patches.Count,
            MusicText = tune.Tune.MusicText,
            Metadata = ScoreMetadataMerger.Merge(score.Metadata, tune.Tune.Metadata),
            Tenant = score.Tenant,
            TargetModelVersion = score.TargetModelVersion,
        });
    }
}

/// <summary>What patching one score gave: its patches, or why it failed.</summary>
internal sealed record PatchingOutcome(ScorePatched? Patched, ScoreFailed? Failed)
{
    public static PatchingOutcome Of(ScorePatched patched) => new(patched, null);

    public static PatchingOutcome Of(ScoreFailed failed) => new(null, failed);
}
