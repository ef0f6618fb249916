using System.Text.Json;
using Clamp.Training.Model;

namespace Clamp.Training.Training;

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
        return JsonSerializer.Deserialize<List<EpochRecord>>(File.ReadAllText(HistoryPath), Json) ?? [];
    }

    public void Save(ClampModel model, IReadOnlyList<EpochRecord> history)
    {
        Directory.CreateDirectory(directory);
        model.save(WeightsPath + ".tmp");
        File.Move(WeightsPath + ".tmp", WeightsPath, overwrite: true);
        File.WriteAllText(HistoryPath, JsonSerializer.Serialize(history, Json));
    }
}
