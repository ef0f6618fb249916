using System.Diagnostics;
using Clamp.Evaluation;
using Clamp.Inference.Text;
using Clamp.Torch.Model;
using Clamp.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Clamp.Training.Loop;

/// <summary>
/// One training run: masked-music-model epochs for the music encoder, then contrastive epochs for both towers
/// (the MiniLM base frozen, its sentence embeddings precomputed), with a checkpoint, dev metrics and plots after
/// every epoch, and the ONNX model directory at the end.
/// </summary>
public sealed class Trainer(TrainingOptions options, ITrainingProgress progress, ISentenceEncoder sentenceEncoder)
{
    public const string MaskedStage = "masked";
    public const string ContrastiveStage = "contrastive";

    public TrainingResult Run()
    {
        LibTorchLoader.EnsureLoaded(options.Threads);
        var clock = Stopwatch.StartNew();
        var data = TrainingData.Load(options);
        progress.Log($"{data.Train.Count} training scores ({data.TrainPatches.Sum(p => p.Count):N0} patches), {data.Dev.Count} dev scores");

        var bank = SentenceBank.Build(data.Texts(options.Template), sentenceEncoder, Path.Combine(options.WorkDirectory, "cache"),
            (done, total) => progress.Log($"sentence embeddings {done}/{total}"));
        progress.Log($"sentence embeddings ready ({clock.Elapsed:hh\\:mm\\:ss})");

        using var model = new ClampModel(options.Model, options.Seed);
        var checkpoint = new Checkpoint(options.WorkDirectory);
        var history = checkpoint.TryResume(model);
        if (history.Count > 0)
        {
            progress.Log($"resumed after {history.Count} epochs");
        }

        var embedder = new TorchEmbeddingModel(model, texts => texts.Select(t => bank[t]).ToArray());
        var lengths = data.TrainPatches.Select(p => p.Count).ToList();
        var epochFlop = EpochFlop(lengths);
        RunEpochs(MaskedStage, options.MaskedEpochs, epochFlop, history, checkpoint, model, epoch => MaskedEpoch(model, data, lengths, epoch), null);
        RunEpochs(ContrastiveStage, options.ContrastiveEpochs, epochFlop, history, checkpoint, model,
            epoch => ContrastiveEpoch(model, data, bank, lengths, epoch), () => DevEvaluation.Run(embedder, data, options.Template));

        TrainingPlots.Write(history, options.WorkDirectory);
        var dev = DevEvaluation.Run(embedder, data, options.Template);
        ModelExporter.Export(model, options, history, dev);
        progress.Log($"model written to {options.ModelDirectory} ({clock.Elapsed:hh\\:mm\\:ss})");
        return new TrainingResult(history, dev);
    }

    private void RunEpochs(string stage, int epochs, double epochFlop, List<EpochRecord> history, Checkpoint checkpoint, ClampModel model,
        Func<int, (double Loss, double PatchesPerSecond, double Seconds)> runEpoch, Func<DevReport>? evaluate)
    {
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            if (history.Any(r => r.Stage == stage && r.Epoch == epoch))
            {
                continue;
            }

            var (loss, speed, seconds) = runEpoch(epoch);
            var dev = evaluate?.Invoke();
            history.Add(new EpochRecord
            {
                Stage = stage,
                Epoch = epoch,
                Loss = loss,
                PatchesPerSecond = speed,
                Seconds = seconds,
                Temperature = 1 / Math.Exp(model.LogitScale.item<float>()),
                TrainingFlop = epochFlop,
                LoadAverage = MachineLoad.OneMinute(),
                Dev = dev?.Flatten() ?? [],
            });
            checkpoint.Save(model, history);
            TrainingPlots.Write(history, options.WorkDirectory);
            progress.Log($"{stage} epoch {epoch}: loss {loss:F4}, {speed:F0} patches/s, {seconds:F0} s, load {MachineLoad.OneMinute():F1}" + (dev is null ? "" : $" | {dev.Summary()}"));
        }
    }

    private (double, double, double) MaskedEpoch(ClampModel model, TrainingData data, IReadOnlyList<int> lengths, int epoch)
    {
        var random = Seeded(MaskedStage, epoch);
        var batches = BatchSampler.Batches(lengths, options.MaskedBatchSize, random);
        using var optimizer = optim.AdamW(model.MaskedModelParameters(), options.MaskedLearningRate, weight_decay: options.WeightDecay);
        return RunStage($"{MaskedStage} {epoch}/{options.MaskedEpochs}", batches, optimizer, options.MaskedLearningRate, model, (indices, scope) =>
        {
            var batch = PatchBatch.Create(indices.Select(i => data.TrainPatches[i]).ToList(), options.Model.MaxPatches);
            var corruption = PatchCorruption.Apply(batch.Patches, batch.Mask, options.MaskShare, random);
            var selected = corruption.Selected.reshape(-1).nonzero().squeeze(1);
            var states = model.Music.Hidden(corruption.Corrupted, batch.Mask);
            var chosen = states.reshape(-1, options.Model.Hidden).index_select(0, selected);
            var logits = model.DecodePatches(chosen);
            var targets = batch.Patches.reshape(-1, options.Model.PatchLength).index_select(0, selected);
            var loss = nn.functional.cross_entropy(logits.reshape(-1, options.Model.VocabularySize), targets.reshape(-1));
            return (loss, batch.RealPatches);
        });
    }

    private (double, double, double) ContrastiveEpoch(ClampModel model, TrainingData data, SentenceBank bank, IReadOnlyList<int> lengths, int epoch)
    {
        var random = Seeded(ContrastiveStage, epoch);
        var batches = BatchSampler.Batches(lengths, options.ContrastiveBatchSize, random).Where(b => b.Length > 1).ToList();
        using var optimizer = optim.AdamW(model.ContrastiveParameters(), options.ContrastiveLearningRate, weight_decay: options.WeightDecay);
        return RunStage($"{ContrastiveStage} {epoch}/{options.ContrastiveEpochs}", batches, optimizer, options.ContrastiveLearningRate, model, (indices, scope) =>
        {
            var batch = PatchBatch.Create(indices.Select(i => data.TrainPatches[i]).ToList(), options.Model.MaxPatches);
            var texts = indices.Select(i => bank[data.Variants[i][random.Next(data.Variants[i].Length)]]).ToArray();
            var sentenceInput = tensor(texts.SelectMany(t => t).ToArray(), [indices.Length, options.Model.TextBaseDim]);
            var music = model.Music.forward(batch.Patches, batch.Mask);
            var text = model.Text.forward(sentenceInput);
            var logits = music.matmul(text.t()).mul(model.LogitScale.exp());
            var targets = arange(indices.Length, dtype: ScalarType.Int64);
            var loss = nn.functional.cross_entropy(logits, targets).add(nn.functional.cross_entropy(logits.t(), targets)).div(2);
            return (loss, batch.RealPatches);
        });
    }

    /// <summary>Runs the batches with linear warm-up (5%) and linear decay, gradient clipping at 1, and reports progress.</summary>
    private (double, double, double) RunStage(string name, IReadOnlyList<int[]> batches, optim.Optimizer optimizer, double learningRate,
        ClampModel model, Func<int[], DisposeScope, (Tensor Loss, int Patches)> step)
    {
        var meter = new StageMeter(batches.Count);
        var warmup = Math.Max(1, batches.Count / 20);
        model.train();
        progress.RunStage(name, batches.Count, stage =>
        {
            for (var b = 0; b < batches.Count; b++)
            {
                using var scope = NewDisposeScope();
                var rate = b < warmup ? learningRate * (b + 1) / warmup : learningRate * Math.Max(0.05, (double)(batches.Count - b) / (batches.Count - warmup));
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                var (loss, patches) = step(batches[b], scope);
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                using (no_grad())
                {
                    model.LogitScale.clamp_(0, ClampModel.MaxLogitScale);
                }

                var value = loss.item<float>();
                meter.Step(value, patches);
                stage.Step(value, patches);
            }
        });
        return (meter.MeanLoss, meter.PatchesPerSecond, meter.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The floating-point operations of one epoch over the training scores: about three forward passes (forward,
    /// and twice that backward) of the music encoder per score at its own length (<see cref="MusicEncoderFlops"/>).
    /// </summary>
    private double EpochFlop(IReadOnlyList<int> lengths) =>
        3 * lengths.Sum(length => MusicEncoderFlops.Of(options.Model, 1, Math.Min(length, options.Model.MaxPatches)));

    /// <summary>A generator (and the torch seed) for one epoch of one stage, so a resumed run replays the same epoch.</summary>
    private Random Seeded(string stage, int epoch)
    {
        var seed = unchecked((int)(options.Seed * 1_000_003 + (stage == MaskedStage ? 17 : 31) * 1009 + epoch)) & int.MaxValue;
        random.manual_seed(seed);
        return new Random(seed);
    }
}

public sealed record TrainingResult(IReadOnlyList<EpochRecord> History, DevReport Dev);
