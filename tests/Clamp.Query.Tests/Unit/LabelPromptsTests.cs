using Clamp.Query.Classification;
using Grpc.Core;

namespace Clamp.Query.Tests.Unit;

public sealed class LabelPromptsTests
{
    [Fact]
    public void Each_label_fills_the_template()
    {
        Assert.Equal(["This is a jig.", "This is a slip jig."],
            LabelPrompts.Build(["jig", " slip jig "], "This is a {label}.", maxLabels: 10));
    }

    [Theory]
    [InlineData(new string[0], "This is a {label}.")]
    [InlineData(new[] { "jig", "" }, "This is a {label}.")]
    [InlineData(new[] { "jig", "jig" }, "This is a {label}.")]
    [InlineData(new[] { "jig" }, "This is a label.")]
    [InlineData(new[] { "a", "b", "c" }, "{label}")]
    public void Bad_labels_or_templates_are_invalid_arguments(string[] labels, string template)
    {
        var error = Assert.Throws<RpcException>(() => LabelPrompts.Build(labels, template, maxLabels: 2));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
