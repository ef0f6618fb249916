using Clamp.Inference;
using Clamp.Inference.Batching;
using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;
using Clamp.Music.Patching;

namespace Clamp.Embedding.Benchmarks;

/// <summary>
/// One run of every measurement on one model: scores/s and texts/s through the service's batched path (the dynamic
/// batcher over the ONNX encoders, with the service's default budgets) against one item at a time, the ONNX Runtime
/// music encoder against TorchSharp running the same weights on the same length-bucketed batches, and the GFLOP/s
/// that the ONNX music encoder achieves. Prints the summary line last.
/// </summary>
public sealed class EmbeddingBenchmark(BenchSettings settings)
{
    public void Run()
    {
        var modelDirectory = settings.ModelDirectory;
        if (!File.Exists(ModelManifestFile.PathIn(modelDirectory)))
        {
            modelDirectory = UntrainedModel.Write(Path.Combine(Path.GetTempPath(), "clamp-bench-untrained"), settings.Threads);
            Console.WriteLine($"note: {settings.ModelDirectory} has no model yet; timing an untrained model of the default architecture in {modelDirectory}");
        }

        var sessions = new OnnxSessionFactory(new InferenceOptions
        {
            Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = settings.Threads, AllowSpinning = settings.Spin,
        });
        using var model = ClampModel.Load(modelDirectory, sessions);
        model.WarmUp();
        using var torch = TorchMusicEncoder.Load(Path.Combine(modelDirectory, model.Manifest.Music.File), settings.Threads);
        var corpus = BenchCorpus.Load(settings.RepoRoot, settings.Items, settings.Texts, model.Manifest.MaxPatches);
        var cpu = CpuPeak.Read();
        PrintSetup(model, corpus, cpu, torch);

        var scores = corpus.Scores;
        var texts = corpus.Texts;
        var musicReports = new BatchSizes();
        var textReports = new BatchSizes();
        var musicBatcher = ServiceBatchedPath.Create<PatchSequence>(settings, model.Music.Encode, model.Music.CostOf, settings.MusicPatchBudget, musicReports);
        var textBatcher = ServiceBatchedPath.Create<string>(settings, model.Text.Encode, model.Text.CostOf, settings.TextTokenBudget, textReports);
        try
        {
            var music = Measurement.Interleaved(settings.Repeats,
                new("scores, one at a time (ONNX, batch of 1)", scores.Count, () => { foreach (var score in scores) { model.Music.Encode([score]); } }),
                new("scores, service batched path (ONNX)", scores.Count, () => ServiceBatchedPath.SubmitAll(musicBatcher, scores)),
                new("scores, ONNX Runtime, length-bucketed batches", scores.Count, () => BatchPlanner.Run(scores, model.Music.CostOf, settings.MusicPatchBudget, model.Music.Encode, settings.BatchOverhead)),
                new("scores, TorchSharp, the same batches", scores.Count, () => BatchPlanner.Run(scores, model.Music.CostOf, settings.MusicPatchBudget, torch.Encode, settings.BatchOverhead)));
            Console.WriteLine($"  service batched path: {musicReports.Describe()}");
            Console.WriteLine($"  same weights: min cosine(ONNX, TorchSharp) over 32 scores = {MinCosine(model.Music.Encode([.. scores.Take(32)]), torch.Encode([.. scores.Take(32)])):F6}");
            var text = Measurement.Interleaved(settings.Repeats,
                new("texts, one at a time (ONNX, batch of 1)", texts.Count, () => { foreach (var t in texts) { model.Text.Encode([t]); } }),
                new("texts, service batched path (ONNX)", texts.Count, () => ServiceBatchedPath.SubmitAll(textBatcher, texts)));
            Console.WriteLine($"  service batched path: {textReports.Describe()}");

            var (single, batched, onnx, torchSharp) = (music[0], music[1], music[2], music[3]);
            var flops = musicReports.Flops(torch.Config) / (settings.Repeats + 1);
            var gflops = flops / batched.MedianSeconds / 1e9;
            Console.WriteLine($"music encoder, service batched path: {flops / 1e9:F2} GFLOP per pass (padding included) -> {gflops:F1} GFLOP/s wall ({flops / batched.MedianCpuSeconds / 1e9:F1} per CPU-second) = {100 * gflops / cpu.GflopsPerSecond:F1}% of the {cpu.GflopsPerSecond:F1} GFLOP/s peak");
            Console.WriteLine($"ratios per CPU-second: scores batched/single = {batched.ItemsPerCpuSecond / single.ItemsPerCpuSecond:F2}, onnx/torchsharp = {onnx.ItemsPerCpuSecond / torchSharp.ItemsPerCpuSecond:F2}; texts batched/single = {text[1].ItemsPerCpuSecond / text[0].ItemsPerCpuSecond:F2}");
            Console.WriteLine($"speed-ups (median of per-round ratios): scores bucketed/single = {Measurement.SpeedUp(onnx, single):F2}; texts batched/single = {Measurement.SpeedUp(text[1], text[0]):F2}; load average at the end: {LoadAverage()}");
            Console.WriteLine(
                $"batched_vs_single={Measurement.SpeedUp(batched, single):F2} " +
                $"onnx_vs_torchsharp={Measurement.SpeedUp(onnx, torchSharp):F2} gflops={gflops:F1}");
        }
        finally
        {
            musicBatcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
            textBatcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private void PrintSetup(ClampModel model, BenchCorpus corpus, CpuPeak cpu, TorchMusicEncoder torch)
    {
        var m = model.Manifest;
        var c = torch.Config;
        Console.WriteLine($"model: {m.DisplayName} from {model.Directory}: {c.Layers} layers x {c.Hidden} hidden, {c.Heads} heads, FFN {c.FeedForward}, {m.EmbeddingDim}-d, max {m.MaxPatches} patches");
        Console.WriteLine($"data: {corpus.Scores.Count} scores (mean {corpus.Scores.Average(s => s.Count):F1} patches) and {corpus.Texts.Count} texts (their descriptions) from {corpus.Source}");
        Console.WriteLine($"engines: ONNX Runtime on {model.Provider.Name}: {settings.Threads} intra-op threads, one batch at a time (the service's defaults); TorchSharp {settings.Threads} threads; {settings.Repeats} interleaved rounds, median");
        Console.WriteLine($"batching: music budget {settings.MusicPatchBudget} padded patches, text budget {settings.TextTokenBudget} padded tokens, batch overhead {settings.BatchOverhead}, max wait {settings.MaxWaitMs} ms");
        Console.WriteLine($"cpu: {cpu}; load average at the start: {LoadAverage()}");
    }

    private static double MinCosine(float[][] a, float[][] b) =>
        a.Zip(b).Min(pair => pair.First.Zip(pair.Second).Sum(x => (double)x.First * x.Second));
}
