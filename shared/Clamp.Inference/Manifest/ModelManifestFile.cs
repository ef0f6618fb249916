using System.Text.Json;

namespace Clamp.Inference.Manifest;

/// <summary>Reads and writes <c>manifest.json</c> (camelCase JSON).</summary>
public static class ModelManifestFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    public static string PathIn(string modelDirectory) => Path.Combine(modelDirectory, ModelManifest.FileName);

    /// <summary>The manifest of a model directory, validated (<see cref="ModelManifestValidator"/>).</summary>
    public static ModelManifest Read(string modelDirectory)
    {
        var path = PathIn(modelDirectory);
        if (!File.Exists(path))
        {
            throw new ModelFormatException(modelDirectory, [$"{ModelManifest.FileName} is missing"]);
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException(modelDirectory, [$"{ModelManifest.FileName} is not a valid manifest: {ex.Message}"], ex);
        }

        if (manifest is null)
        {
            throw new ModelFormatException(modelDirectory, [$"{ModelManifest.FileName} is empty (null)"]);
        }

        ModelManifestValidator.ThrowIfInvalid(manifest, modelDirectory);
        return manifest;
    }

    public static void Write(ModelManifest manifest, string modelDirectory)
    {
        Directory.CreateDirectory(modelDirectory);
        File.WriteAllText(PathIn(modelDirectory), JsonSerializer.Serialize(manifest, Json));
    }
}
