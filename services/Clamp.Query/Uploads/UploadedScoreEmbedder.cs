using Clamp.Contracts.Grpc;
using Clamp.Music;
using Clamp.Music.Patching;
using Clamp.Query.Upstream;
using Grpc.Core;

namespace Clamp.Query.Uploads;

/// <summary>
/// An uploaded score (ABC, MusicXML, MIDI) -> its first tune's music text (<see cref="ScoreImporter"/>) ->
/// the model version's input (<see cref="ModelInput"/>: its patch scheme and limit) -> an embedding from the embedding service:
/// the same path a stored score takes through the patching and embedding services.
/// </summary>
internal sealed class UploadedScoreEmbedder(ScoreImporter importer, QueryEmbedder embedder)
{
    public async Task<float[]> EmbedAsync(UploadedScore upload, string modelVersion, CancellationToken cancellationToken)
    {
        if (upload.Content.IsEmpty)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The uploaded score is empty."));
        var tune = importer.ImportFirstTune(upload.FileName, upload.Content.ToByteArray());
        if (tune.Tune is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"The uploaded score cannot be read ({tune.Error!.Code}): {tune.Error.Message}"));

        var model = await embedder.ModelAsync(modelVersion, cancellationToken);
        var input = ModelInput.Of(model.PatchScheme, model.MaxPatches, model.PromptTemplate);
        return await embedder.EmbedScoreAsync(input.Patch(tune.Tune), input.SchemeName, modelVersion, cancellationToken);
    }
}
