namespace Clamp.Embedding.Benchmarks;

public static class BenchProgram
{
    public static int Main(string[] args)
    {
        var settings = BenchSettings.Parse(args);
        if (settings.Provider == "cuda")
        {
            new GpuBenchmark(settings).Run();
        }
        else
        {
            new EmbeddingBenchmark(settings).Run();
        }

        return 0;
    }
}
