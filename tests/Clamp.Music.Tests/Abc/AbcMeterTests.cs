using Clamp.Music.Abc;

namespace Clamp.Music.Tests.Abc;

public class AbcMeterTests
{
    [Theory]
    [InlineData("6/8", "6/8")]
    [InlineData(" 3/4 ", "3/4")]
    [InlineData("C", "4/4")]
    [InlineData("C|", "2/2")]
    [InlineData("2+3/8", "2+3/8")]
    [InlineData("FREI4/4", "4/4")]
    [InlineData("2/2]", "2/2")]
    [InlineData("none", null)]
    [InlineData("", null)]
    public void Meters_are_normalised(string value, string? expected) =>
        Assert.Equal(expected, AbcMeter.NormaliseMeter(value));

    [Theory]
    [InlineData("1/4=120", 120)]
    [InlineData("\"Allegro\" 3/8=100", 100)]
    [InlineData("96", 96)]
    [InlineData("\"Slowly\"", null)]
    public void Tempo_gives_beats_per_minute(string value, int? expected) =>
        Assert.Equal(expected, AbcMeter.BeatsPerMinute(value));
}
