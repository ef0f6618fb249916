using Clamp.Inference;
using Clamp.Inference.Batching;
using Clamp.Inference.Encoders;
using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;
using Clamp.Inference.Text;
using Clamp.Music.Patching;

namespace Clamp.Embedding.Benchmarks;

/// <summary>
/// The encoders on ONNX Runtime's CUDA provider (<c>--provider cuda</c>): scores/s of the service's batched path and
/// of length-bucketed batches against one score at a time, on the same session, the GFLOP/s achieved against the
/// GPU's FP32 peak, and texts/s batched against one at a time when the all-MiniLM-L6-v2 resources are next to the
/// program (they are 91 MB; without them the texts are left out, and the run says so). TorchSharp is not timed: the
/// solution ships libtorch's CPU build only. The last line keeps the format of the CPU run, with
/// <c>onnx_vs_torchsharp=n/a</c>.
/// </summary>
public sealed class GpuBenchmark(BenchSettings settings)
{
    public void Run()
    {
        var sessions = new OnnxSessionFactory(new InferenceOptions { Provider = ExecutionProviderPreference.Cuda });
        var manifest = ModelManifestFile.Read(settings.ModelDirectory);
        var musicFile = Path.Combine(settings.ModelDirectory, manifest.Music.File);
        using var music = new MusicEncoder(sessions.Create(musicFile), manifest, settings.ModelDirectory);
        var config = OnnxModelConfig.Read(musicFile);
        var corpus = BenchCorpus.Load(settings.RepoRoot, settings.Items, settings.Texts, manifest.MaxPatches);
        var gpu = GpuPeak.Read(sessions.Options.CudaDeviceId);
        Console.WriteLine($"model: {manifest.DisplayName} from {settings.ModelDirectory}: {config.Layers} layers x {config.Hidden} hidden, FFN {config.FeedForward}, {manifest.EmbeddingDim}-d");
        Console.WriteLine($"data: {corpus.Scores.Count} scores (mean {corpus.Scores.Average(s => s.Count):F1} patches) from {corpus.Source}");
        Console.WriteLine($"engine: ONNX Runtime on {sessions.Provider.Name} ({sessions.Provider.Reason}); {settings.Repeats} interleaved rounds, median");
        Console.WriteLine($"batching: music budget {settings.MusicPatchBudget} padded patches, batch overhead {settings.BatchOverhead}, max wait {settings.MaxWaitMs} ms");
        Console.WriteLine($"gpu: {gpu}");

        var scores = corpus.Scores;
        var reports = new BatchSizes();
        var batcher = ServiceBatchedPath.Create<PatchSequence>(settings, music.Encode, music.CostOf, settings.MusicPatchBudget, reports);
        try
        {
            var results = Measurement.Interleaved(settings.Repeats,
                new("scores, one at a time (ONNX, batch of 1)", scores.Count, () => { foreach (var score in scores) { music.Encode([score]); } }),
                new("scores, service batched path (ONNX)", scores.Count, () => ServiceBatchedPath.SubmitAll(batcher, scores)),
                new("scores, ONNX Runtime, length-bucketed batches", scores.Count, () => BatchPlanner.Run(scores, music.CostOf, settings.MusicPatchBudget, music.Encode, settings.BatchOverhead)));
            var (single, batched, bucketed) = (results[0], results[1], results[2]);
            var sample = scores.Take(64).ToList();
            var batchedSample = music.EncodeMany(sample, settings.MusicPatchBudget);
            var sameBatches = MaxDifference(batchedSample, sample.Select(s => music.Encode([s])[0]).ToArray());
            var cpuSessions = new OnnxSessionFactory(new InferenceOptions { Provider = ExecutionProviderPreference.Cpu });
            using var cpuMusic = new MusicEncoder(cpuSessions.Create(musicFile), manifest, settings.ModelDirectory);
            var cudaVersusCpu = MaxDifference(batchedSample, cpuMusic.EncodeMany(sample, settings.MusicPatchBudget));
            Console.WriteLine($"  service batched path: {reports.Describe()}");
            Console.WriteLine($"  over 64 scores: max |batched - one at a time| = {sameBatches:E2}, max |CUDA - CPU| = {cudaVersusCpu:E2}");
            var flops = reports.Flops(config) / (settings.Repeats + 1);
            var gflops = flops / batched.MedianSeconds / 1e9;
            Console.WriteLine($"music encoder, service batched path: {flops / 1e9:F2} GFLOP per pass -> {gflops:F1} GFLOP/s = {100 * gflops / gpu.GflopsPerSecond:F2}% of the {gpu.GflopsPerSecond:F0} GFLOP/s peak");
            var texts = MeasureTexts(sessions, manifest, corpus.Texts);
            Console.WriteLine($"speed-ups (median of per-round ratios): scores bucketed/single = {Measurement.SpeedUp(bucketed, single):F2}; texts batched/single = {texts}");
            Console.WriteLine($"batched_vs_single={Measurement.SpeedUp(batched, single):F2} onnx_vs_torchsharp=n/a gflops={gflops:F1}");
        }
        finally
        {
            batcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Texts one at a time against the service's batched path, through the whole text tower on CUDA.</summary>
    private string MeasureTexts(OnnxSessionFactory sessions, ModelManifest manifest, IReadOnlyList<string> texts)
    {
        if (texts.Count == 0 || !File.Exists(MiniLmResources.DefaultPath))
        {
            Console.WriteLine($"texts: not timed ({(texts.Count == 0 ? "--texts 0" : $"no all-MiniLM-L6-v2 resources at {MiniLmResources.DefaultPath}")})");
            return "n/a";
        }

        using var model = ClampModel.Load(settings.ModelDirectory, sessions);
        model.WarmUp();
        var reports = new BatchSizes();
        var batcher = ServiceBatchedPath.Create<string>(settings, model.Text.Encode, model.Text.CostOf, settings.TextTokenBudget, reports);
        try
        {
            var results = Measurement.Interleaved(settings.Repeats,
                new("texts, one at a time (ONNX, batch of 1)", texts.Count, () => { foreach (var text in texts) { model.Text.Encode([text]); } }),
                new("texts, service batched path (ONNX)", texts.Count, () => ServiceBatchedPath.SubmitAll(batcher, texts)));
            var sample = texts.Take(32).ToList();
            Console.WriteLine($"  service batched path: {reports.Describe()}; over 32 texts max |batched - one at a time| = {MaxDifference(model.Text.Encode(sample), sample.Select(t => model.Text.Encode([t])[0]).ToArray()):E2}");
            return Measurement.SpeedUp(results[1], results[0]).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            batcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static double MaxDifference(float[][] a, float[][] b) =>
        a.Zip(b).Max(pair => pair.First.Zip(pair.Second).Max(x => Math.Abs(x.First - x.Second)));
}
