using Clamp.Query.Classification;
using Grpc.Core;

namespace Clamp.Query.Tests.Unit;

/// <summary>The query service's adapters of the shared zero-shot maths (tested in Clamp.ZeroShot.Tests) to gRPC.</summary>
public sealed class ClassificationAdaptersTests
{
    [Fact]
    public void Label_scores_carry_the_shared_classification_in_its_order()
    {
        var result = ZeroShotClassifier.Classify([0f, 1f], ["low", "high"], [[1f, 0f], [0f, 1f]], logitScale: 100);

        Assert.Equal(["high", "low"], result.Select(r => r.Label));
        Assert.Equal(1f, result[0].Similarity, 6);
        Assert.Equal(1f, result.Sum(r => r.Probability), 5);
    }

    [Fact]
    public void A_bad_label_list_is_an_invalid_argument_with_the_reason()
    {
        var error = Assert.Throws<RpcException>(() => LabelPrompts.Build(["jig", "jig"], "This is a {label}.", maxLabels: 10));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("distinct", error.Status.Detail);
    }
}
