using Clamp.Inference.Manifest;
using Clamp.Music.Patching;

namespace Clamp.Inference.Encoders;

/// <summary>
/// Turns the patches of one score, as they travel in messages and gRPC requests, into the input of a model:
/// checks the scheme, the shape and the ids against the manifest, and cuts the sequence to the model's
/// <see cref="ModelManifest.MaxPatches"/> as CLaMP does. Throws <see cref="InvalidPatchesException"/>.
/// </summary>
public static class PatchInput
{
    /// <summary>
    /// The model's input from a patched score that also carries its music text: when the patches are of another
    /// scheme than the model's, the model cuts its own from the music text (<see cref="ModelInput"/>) instead of
    /// refusing the score; otherwise as <see cref="Create(ModelManifest, string?, int, int, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static PatchSequence Create(ModelManifest model, string? patchScheme, int patchLength, int patchCount, ReadOnlySpan<byte> ids, string? musicText)
    {
        if (!string.IsNullOrEmpty(musicText) && (!SameScheme(patchScheme ?? "", model.PatchScheme) || patchLength != model.PatchLength))
        {
            var sequence = model.Input.Patch(musicText);
            Validate(model, sequence);
            return sequence;
        }

        return Create(model, patchScheme, patchLength, patchCount, ids);
    }

    public static PatchSequence Create(ModelManifest model, string? patchScheme, int patchLength, int patchCount, ReadOnlySpan<byte> ids)
    {
        if (!string.IsNullOrEmpty(patchScheme) && !SameScheme(patchScheme, model.PatchScheme))
        {
            throw new InvalidPatchesException(InvalidPatchesException.ModelMismatchCode,
                $"The patches use scheme '{patchScheme}' but model {model.DisplayName} was trained on '{model.PatchScheme}'.");
        }

        if (patchLength != model.PatchLength)
        {
            throw new InvalidPatchesException(InvalidPatchesException.ModelMismatchCode,
                $"The patches are {patchLength} ids long but model {model.DisplayName} takes {model.PatchLength}.");
        }

        if (patchCount < 1 || (long)patchCount * patchLength != ids.Length)
        {
            throw new InvalidPatchesException(InvalidPatchesException.ShapeCode,
                $"{ids.Length} ids are not {patchCount} patches of {patchLength} (at least one patch is needed).");
        }

        var used = Math.Min(patchCount, model.MaxPatches);
        var sequence = new PatchSequence(ids[..(used * patchLength)].ToArray(), patchLength);
        Validate(model, sequence);
        return sequence;
    }

    /// <summary>Throws when a sequence does not fit the model (patch length, empty, ids outside the vocabulary).</summary>
    public static void Validate(ModelManifest model, PatchSequence sequence)
    {
        if (sequence.PatchLength != model.PatchLength || sequence.Count == 0)
        {
            throw new InvalidPatchesException(InvalidPatchesException.ShapeCode,
                $"{sequence.Count} patches of {sequence.PatchLength} ids do not fit model {model.DisplayName} ({model.PatchLength}-id patches, at least one).");
        }

        var ids = sequence.Ids.AsSpan();
        var bad = ids.IndexOfAnyInRange((byte)model.VocabSize, byte.MaxValue);
        if (bad >= 0)
        {
            throw new InvalidPatchesException(InvalidPatchesException.IdCode,
                $"Patch {bad / sequence.PatchLength} holds id {ids[bad]}, outside the vocabulary of {model.VocabSize} ids.");
        }
    }

    private static bool SameScheme(string a, string b)
    {
        try
        {
            return BarPatcher.ParseScheme(a) == BarPatcher.ParseScheme(b);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
