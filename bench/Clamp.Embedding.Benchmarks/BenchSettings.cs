using System.Globalization;
using Clamp.Inference.Batching;

namespace Clamp.Embedding.Benchmarks;

/// <summary>Command-line settings: <c>--model DIR --items N --texts N --repeats N --threads N --music-budget N --text-budget N --max-wait-ms N --spin 0|1 --provider cpu|cuda --batch-overhead N --max-items N</c>.</summary>
public sealed record BenchSettings
{
    public required string RepoRoot { get; init; }
    public required string ModelDirectory { get; init; }
    public int Items { get; init; } = 192;
    public int Texts { get; init; } = 64;
    public int Repeats { get; init; } = 9;
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>The embedding service's defaults (services/Clamp.Embedding/EmbeddingOptions.cs).</summary>
    public int MusicPatchBudget { get; init; } = 2048;
    public int TextTokenBudget { get; init; } = 8192;
    public int MaxWaitMs { get; init; } = 5;
    public int MaxItems { get; init; } = 256;
    /// <summary>ONNX Runtime's idle-thread spinning (1 = its default, 0 = off).</summary>
    public bool Spin { get; init; } = true;
    /// <summary>"cpu" (the full benchmark) or "cuda" (the encoders on the GPU: <see cref="GpuBenchmark"/>).</summary>
    public string Provider { get; init; } = "cpu";
    /// <summary>The length bucketing's cost of one more batch, in patches/tokens; the service's default by provider
    /// (<see cref="BatchPlanner.BatchOverheadFor"/>) when not given.</summary>
    public int? BatchOverheadSetting { get; init; }

    public int BatchOverhead => BatchOverheadSetting ?? BatchPlanner.BatchOverheadFor(Provider == "cuda");

    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var root = values.GetValueOrDefault("repo") ?? FindRepoRoot();
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new BenchSettings { RepoRoot = root, ModelDirectory = Path.Combine(root, "models", "clamp-small") };
        return defaults with
        {
            ModelDirectory = values.GetValueOrDefault("model") ?? defaults.ModelDirectory,
            Items = Int("items", defaults.Items),
            Texts = Int("texts", defaults.Texts),
            Repeats = Int("repeats", defaults.Repeats),
            Threads = Int("threads", defaults.Threads),
            MusicPatchBudget = Int("music-budget", defaults.MusicPatchBudget),
            TextTokenBudget = Int("text-budget", defaults.TextTokenBudget),
            MaxWaitMs = Int("max-wait-ms", defaults.MaxWaitMs),
            MaxItems = Int("max-items", defaults.MaxItems),
            Spin = Int("spin", 1) != 0,
            BatchOverheadSetting = values.ContainsKey("batch-overhead") ? Int("batch-overhead", 0) : null,
            Provider = values.GetValueOrDefault("provider", defaults.Provider).ToLowerInvariant() switch
            {
                "cpu" => "cpu",
                "cuda" => "cuda",
                var other => throw new ArgumentException($"--provider is cpu or cuda, not '{other}'."),
            },
        };
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clamp.Platform.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
