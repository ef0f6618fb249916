using Clamp.Contracts.Grpc;
using Clamp.Music;
using Clamp.Music.Patching;
using Clamp.Query.Upstream;
using Grpc.Core;

namespace Clamp.Query.Classification;

/// <summary>
/// An uploaded score (ABC, MusicXML, MIDI) -> its first tune's music text (<see cref="ScoreImporter"/>) ->
/// patches in the model version's scheme (<see cref="BarPatcher"/>) -> an embedding from the embedding service:
/// the same path a stored score takes through the patching and embedding services.
/// </summary>
internal sealed class UploadedScoreEmbedder(ScoreImporter importer, QueryEmbedder embedder)
{
    public async Task<float[]> EmbedAsync(UploadedScore upload, string modelVersion, CancellationToken cancellationToken)
    {
        if (upload.Content.IsEmpty)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The uploaded score is empty."));
        var tune = importer.Import(upload.FileName, upload.Content.ToByteArray()).Tunes[0];
        if (tune.Tune is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"The uploaded score cannot be read ({tune.Error!.Code}): {tune.Error.Message}"));

        var model = await embedder.ModelAsync(modelVersion, cancellationToken);
        var scheme = BarPatcher.ParseScheme(model.PatchScheme);
        var maxPatches = model.MaxPatches > 0 ? model.MaxPatches : IBarPatcher.DefaultMaxPatches;
        var patches = BarPatcher.For(scheme).Patch(tune.Tune.MusicText, maxPatches);
        return await embedder.EmbedScoreAsync(patches, BarPatcher.NameOf(scheme), modelVersion, cancellationToken);
    }
}
