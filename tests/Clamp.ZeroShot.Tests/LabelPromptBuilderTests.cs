namespace Clamp.ZeroShot.Tests;

public sealed class LabelPromptBuilderTests
{
    [Fact]
    public void Each_label_fills_the_template()
    {
        Assert.Equal(["This is a jig.", "This is a slip jig."],
            LabelPromptBuilder.Build(["jig", " slip jig "], "This is a {label}.", maxLabels: 10));
    }

    [Theory]
    [InlineData(new string[0], "This is a {label}.")]
    [InlineData(new[] { "jig", "" }, "This is a {label}.")]
    [InlineData(new[] { "jig", "jig" }, "This is a {label}.")]
    [InlineData(new[] { "jig" }, "This is a label.")]
    [InlineData(new[] { "a", "b", "c" }, "{label}")]
    public void Bad_labels_or_templates_are_refused_with_a_message(string[] labels, string template)
    {
        var error = Assert.Throws<ArgumentException>(() => LabelPromptBuilder.Build(labels, template, maxLabels: 2));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
