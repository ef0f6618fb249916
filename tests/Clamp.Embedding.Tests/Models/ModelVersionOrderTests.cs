using Clamp.Embedding.Models;

namespace Clamp.Embedding.Tests.Models;

public sealed class ModelVersionOrderTests
{
    [Theory]
    [InlineData("1.10.0", "1.9.2")]
    [InlineData("2.0.0", "1.99")]
    [InlineData("1.0.1", "1.0")]
    [InlineData("1.0.0-rc2", "1.0.0-rc1")]
    public void Newer_versions_sort_after_older_ones(string newer, string older)
    {
        Assert.True(ModelVersionOrder.Instance.Compare(newer, older) > 0);
        Assert.True(ModelVersionOrder.Instance.Compare(older, newer) < 0);
    }

    [Fact]
    public void Equal_versions_compare_equal() => Assert.Equal(0, ModelVersionOrder.Instance.Compare("1.2.3", "1.2.3"));
}
