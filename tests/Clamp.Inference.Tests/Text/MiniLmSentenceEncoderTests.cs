using Clamp.Inference.Text;

namespace Clamp.Inference.Tests.Text;

public sealed class MiniLmSentenceEncoderTests : IClassFixture<MiniLmSentenceEncoderTests.EncoderFixture>
{
    private readonly MiniLmSentenceEncoder _encoder;

    public MiniLmSentenceEncoderTests(EncoderFixture fixture) => _encoder = fixture.Encoder;

    [Fact]
    public void Embeddings_are_384_wide_and_unit_length()
    {
        var embeddings = _encoder.Encode(["A slow air in D minor.", "Reel"]);

        Assert.All(embeddings, e =>
        {
            Assert.Equal(384, e.Length);
            Assert.Equal(1.0, Math.Sqrt(e.Sum(x => (double)x * x)), 4);
        });
    }

    [Fact]
    public void Similar_sentences_are_closer_than_unrelated_ones()
    {
        var e = _encoder.Encode(["An Irish jig in D major", "A jig from Ireland in the key of D", "Quarterly earnings of the bank fell sharply"]);

        Assert.True(Dot(e[0], e[1]) > Dot(e[0], e[2]) + 0.3, $"similar {Dot(e[0], e[1])}, unrelated {Dot(e[0], e[2])}");
    }

    [Fact]
    public void Padding_in_a_batch_does_not_change_an_embedding()
    {
        var alone = _encoder.Encode(["Hornpipe"])[0];
        var batched = _encoder.Encode(["Hornpipe", "A much longer description of a hornpipe from Northumberland in common time"])[0];

        Assert.All(alone.Zip(batched), pair => Assert.Equal(pair.First, pair.Second, 4));
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);

    public sealed class EncoderFixture : IDisposable
    {
        public MiniLmSentenceEncoder Encoder { get; } = MiniLmSentenceEncoder.CreateDefault();

        public void Dispose() => Encoder.Dispose();
    }
}
