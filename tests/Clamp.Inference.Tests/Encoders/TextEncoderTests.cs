using Clamp.Inference.Encoders;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Inference.Tests.Encoders;

[Collection(TinyModelCollection.Name)]
public sealed class TextEncoderTests(TinyModelFixture fixture)
{
    private static readonly string[] Texts =
    [
        "A reel in D major",
        "A slow air from Ireland in the dorian mode, played on the fiddle at a session",
        "waltz",
        "Bach chorale",
    ];

    private readonly TextEncoder _encoder = fixture.Model.Text;

    [Fact]
    public void Embeddings_have_the_manifest_dimension_and_unit_length()
    {
        var embeddings = _encoder.Encode(Texts);

        Assert.All(embeddings, e =>
        {
            Assert.Equal(16, e.Length);
            Assert.Equal(1.0, MusicEncoderTests.Norm(e), 5);
        });
    }

    [Fact]
    public void Encode_many_returns_results_in_input_order_and_equal_to_one_at_a_time()
    {
        var many = _encoder.EncodeMany(Texts, tokenBudget: 24);

        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(_encoder.Encode([Texts[i]])[0], many[i], new ToleranceComparer(1e-4f));
        }
    }

    [Fact]
    public void The_cost_of_a_text_is_its_token_count_with_cls_and_sep()
    {
        Assert.Equal(3, _encoder.CostOf("waltz"));
        Assert.Equal(128, _encoder.CostOf(string.Join(' ', Enumerable.Repeat("jig", 500))));
    }
}
