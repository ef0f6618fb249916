namespace Clamp.Embedding.Benchmarks;

public static class BenchProgram
{
    public static int Main(string[] args)
    {
        new EmbeddingBenchmark(BenchSettings.Parse(args)).Run();
        return 0;
    }
}
