using Clamp.Music.Patching;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Patching;

/// <summary>The CLaMP-1 scheme against the patches the original routine produced.</summary>
public class Clamp1VectorTests
{
    private const string SharedVectors = "testdata/clamp1-patches.jsonl";
    private static readonly IBarPatcher Patcher = BarPatcher.For(PatchScheme.Clamp1);

    public static TheoryData<int> SampleLines() =>
        new(PatchVector.ReadAll(Samples.PathOf("clamp1-patches.sample.jsonl")).Select(v => v.Line));

    [Theory]
    [MemberData(nameof(SampleLines))]
    public void Committed_sample_vector_is_reproduced_exactly(int line)
    {
        var vector = PatchVector.ReadAll(Samples.PathOf("clamp1-patches.sample.jsonl")).Single(v => v.Line == line).Vector;
        AssertReproduces(vector);
    }

    [SharedDataFact(SharedVectors)]
    public void All_605_shared_vectors_are_reproduced_exactly()
    {
        var vectors = PatchVector.ReadAll(SharedData.RequirePath(SharedVectors)).ToList();
        Assert.Equal(605, vectors.Count);
        var mismatches = vectors
            .Where(v => !Reproduces(v.Vector))
            .Select(v => $"line {v.Line}: {v.Vector}")
            .ToList();
        Assert.Empty(mismatches);
    }

    private static bool Reproduces(PatchVector vector) =>
        Flatten(vector.Patches).SequenceEqual(Patcher.Patch(vector.Music).Ids);

    private static void AssertReproduces(PatchVector vector)
    {
        var actual = Patcher.Patch(vector.Music);
        Assert.Equal(vector.Patches.Length, actual.Count);
        for (var i = 0; i < actual.Count; i++)
        {
            Assert.Equal(vector.Patches[i].Select(id => (byte)id).ToArray(), actual.Row(i).ToArray());
        }
    }

    private static byte[] Flatten(int[][] patches) => patches.SelectMany(p => p).Select(id => (byte)id).ToArray();
}
