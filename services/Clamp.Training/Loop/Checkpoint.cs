using System.Text.Json;
using Clamp.Torch.Model;

namespace Clamp.Training.Loop;

/// <summary>
/// The state after the last finished epoch: model weights and the epoch history. A run that finds one resumes
/// after that epoch (the optimiser's moments restart; each epoch's shuffling and masking are seeded by the epoch).
/// </summary>
public sealed class Checkpoint(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string WeightsPath => Path.Combine(directory, "checkpoint.weights");
    private string HistoryPath => Path.Combine(directory, "checkpoint.json");

    public List<EpochRecord> TryResume(ClampModel model)
    {
        if (!File.Exists(WeightsPath) || !File.Exists(HistoryPath))
        {
            return [];
        }

        model.load(WeightsPath);
        return ReadHistory(HistoryPath);
    }

    /// <summary>The epoch history of a run's work folder, as the last checkpoint left it.</summary>
    /// <exception cref="IOException">The folder holds no checkpoint.</exception>
    public static IReadOnlyList<EpochRecord> History(string directory)
    {
        var path = new Checkpoint(directory).HistoryPath;
        return File.Exists(path) ? ReadHistory(path) : throw new IOException($"{path} does not exist: not a training run's work folder.");
    }

    private static List<EpochRecord> ReadHistory(string path) => JsonSerializer.Deserialize<List<EpochRecord>>(File.ReadAllText(path), Json) ?? [];

    public void Save(ClampModel model, IReadOnlyList<EpochRecord> history)
    {
        Directory.CreateDirectory(directory);
        model.save(WeightsPath + ".tmp");
        File.Move(WeightsPath + ".tmp", WeightsPath, overwrite: true);
        File.WriteAllText(HistoryPath, JsonSerializer.Serialize(history, Json));
    }
}
