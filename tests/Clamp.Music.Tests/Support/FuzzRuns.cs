namespace Clamp.Music.Tests.Support;

/// <summary>
/// How many inputs each fuzz test tries, and from which seed. By default the count written in the test, kept small so
/// that <c>./test.sh</c> stays fast; for a longer run set <see cref="IterationsVariable"/> (inputs per fuzz test) and
/// <see cref="SeedVariable"/> (added to every seed, to try inputs other than the default run's):
/// <c>CLAMP_FUZZ_ITERATIONS=100000 CLAMP_FUZZ_SEED=7 ./test.sh --filter "FullyQualifiedName~Fuzz"</c>.
/// </summary>
public static class FuzzRuns
{
    public const string IterationsVariable = "CLAMP_FUZZ_ITERATIONS";

    public const string SeedVariable = "CLAMP_FUZZ_SEED";

    public static int Iterations(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), out var count) && count > 0 ? count : defaultCount;

    public static int Seed(int seed) =>
        seed + (int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var offset) ? offset : 0);

    /// <summary>A generator seeded by <see cref="Seed"/>.</summary>
    public static Random Random(int seed) => new(Seed(seed));
}
