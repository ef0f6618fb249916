using Clamp.Inference.Text;
using Clamp.Torch.Model;
using Clamp.Training.Data;
using Clamp.Training.Tests.Support;
using Clamp.Training.Loop;

namespace Clamp.Training.Tests.Training;

/// <summary>Tiny runs on the committed O'Neill's sample: determinism for a seed, resuming, and what a run writes.</summary>
public sealed class TrainerTests : IClassFixture<TrainerTests.Fixture>, IDisposable
{
    private static readonly ModelConfig Tiny = new() { Hidden = 32, Heads = 2, FeedForward = 64, Layers = 1, MaxPatches = 48, EmbeddingDim = 16 };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clamp-trainer-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Fixture _fixture;

    public TrainerTests(Fixture fixture)
    {
        _fixture = fixture;
        Directory.CreateDirectory(_root);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        var first = Train("a", contrastiveEpochs: 1);
        var second = Train("b", contrastiveEpochs: 1);

        Assert.Equal(first.History.Select(r => r.Loss), second.History.Select(r => r.Loss));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "a", "model", "music_encoder.onnx")), File.ReadAllBytes(Path.Combine(_root, "b", "model", "music_encoder.onnx")));
    }

    [Fact]
    public void A_run_resumes_after_its_last_finished_epoch()
    {
        var first = Train("a", contrastiveEpochs: 1);
        var resumed = Train("a", contrastiveEpochs: 2);

        Assert.Equal(3, resumed.History.Count);
        Assert.Equal(first.History.Select(r => (r.Stage, r.Epoch, r.Loss)), resumed.History.Take(2).Select(r => (r.Stage, r.Epoch, r.Loss)));
        Assert.Equal(Trainer.ContrastiveStage, resumed.History[2].Stage);
        Assert.Equal(2, resumed.History[2].Epoch);
    }

    [Fact]
    public void A_run_writes_the_model_directory_and_plots()
    {
        var result = Train("a", contrastiveEpochs: 1);
        var work = Path.Combine(_root, "a");

        var manifest = Clamp.Inference.Manifest.ModelManifestFile.Read(Path.Combine(work, "model"));
        Assert.Equal(Tiny.EmbeddingDim, manifest.EmbeddingDim);
        Assert.Equal(Tiny.MaxPatches, manifest.MaxPatches);
        Assert.True(new FileInfo(Path.Combine(work, TrainingPlots.LossFile)).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(work, TrainingPlots.DevFile)).Length > 1000);
        Assert.All(result.History, r => Assert.True(double.IsFinite(r.Loss) && r.Loss > 0));
        Assert.InRange(result.Dev.Search.Mrr, 0, 1);
        Assert.Equal((manifest.PatchScheme, manifest.PromptTemplate), ("clamp1", "This is a {label}."));
    }

    [Fact]
    public void Every_epoch_records_its_training_compute_and_the_machine_load_and_the_scaling_plots_read_them()
    {
        var result = Train("a", contrastiveEpochs: 2);
        var perEpoch = MusicEncoderFlopsOfTheTrainingScores();

        Assert.All(result.History, r => Assert.Equal(3 * perEpoch, r.TrainingFlop, 1e-6 * perEpoch));
        Assert.All(result.History, r => Assert.NotNull(r.LoadAverage));
        var points = ScalingPlots.Points(result.History, "search.mrr");
        Assert.Equal([2 * 3 * perEpoch / 1e15, 3 * 3 * perEpoch / 1e15], points.Select(p => p.Pflop), new ToleranceComparer(1e-9));
        var plots = ScalingPlots.Write([("tiny", result.History)], Path.Combine(_root, "plots"));
        Assert.All(plots, path => Assert.True(new FileInfo(path).Length > 1000));
    }

    private double MusicEncoderFlopsOfTheTrainingScores()
    {
        var train = DatasetFile.Read(_fixture.DatasetPath).Where(i => !i.IsDev);
        var input = new Clamp.Music.Patching.ModelInput(Clamp.Music.Patching.PatchScheme.Clamp1, Tiny.MaxPatches, "This is a {label}.");
        return train.Sum(i => MusicEncoderFlops.Of(Tiny, 1, input.Patch(i.MusicText).Count));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double value) => 0;
    }

    private TrainingResult Train(string name, int contrastiveEpochs)
    {
        var work = Path.Combine(_root, name);
        var options = new TrainingOptions
        {
            DatasetPath = _fixture.DatasetPath,
            WorkDirectory = work,
            ModelDirectory = Path.Combine(work, "model"),
            Model = Tiny,
            Seed = 3,
            Threads = 1,
            MaskedEpochs = 1,
            ContrastiveEpochs = contrastiveEpochs,
            MaskedBatchSize = 4,
            ContrastiveBatchSize = 4,
            TextVariants = 2,
        };
        return new Trainer(options, new ConsoleProgress(TextWriter.Null), _fixture.Sentences).Run();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A dataset of the 12 committed O'Neill's tunes (a third held out for dev) and the MiniLM encoder.</summary>
    public sealed class Fixture : IDisposable
    {
        private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "clamp-trainer-data-" + Guid.NewGuid().ToString("N"));

        public Fixture()
        {
            var folder = Path.Combine(_dataRoot, "abc", "oneills1850");
            Directory.CreateDirectory(folder);
            File.Copy(Samples.PathOf("oneills-0001-0012.abc"), Path.Combine(folder, "oneills-0001-0012.abc"));
            var built = new DatasetBuilder(new DatasetOptions { DataRoot = _dataRoot, IncludeMusicXml = false, IncludeKern = false, IncludeMidi = false, DevShare = 0.34 }).Build();
            DatasetPath = Path.Combine(_dataRoot, "dataset.jsonl");
            DatasetFile.Write(DatasetPath, built.Items);
        }

        public string DatasetPath { get; }

        public MiniLmSentenceEncoder Sentences { get; } = MiniLmSentenceEncoder.CreateDefault();

        public void Dispose()
        {
            Sentences.Dispose();
            Directory.Delete(_dataRoot, recursive: true);
        }
    }
}
