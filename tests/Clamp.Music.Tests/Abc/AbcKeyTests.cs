using Clamp.Music.Abc;

namespace Clamp.Music.Tests.Abc;

public class AbcKeyTests
{
    [Theory]
    [InlineData("G", "G major")]
    [InlineData("Gm", "G minor")]
    [InlineData("F#m", "F# minor")]
    [InlineData("Bb", "Bb major")]
    [InlineData("Eb", "Eb major")]
    [InlineData("E Minor", "E minor")]
    [InlineData("A Mixolydian", "A mixolydian")]
    [InlineData("Dmix", "D mixolydian")]
    [InlineData("AMix", "A mixolydian")]
    [InlineData("Ador", "A dorian")]
    [InlineData("Bphr", "B phrygian")]
    [InlineData("Glyd", "G lydian")]
    [InlineData("Dmixm", "D mixolydian")]
    [InlineData("A aeolian", "A minor")]
    [InlineData("C ionian", "C major")]
    [InlineData("Bloc", "B locrian")]
    [InlineData("D Major", "D major")]
    [InlineData("Am clef=bass", "A minor")]
    [InlineData("G clef=treble", "G major")]
    [InlineData("D exp ^f ^c", "D major")]
    public void Keys_are_normalised_to_tonic_and_mode(string value, string expected) =>
        Assert.Equal(expected, AbcKey.TryParse(value)?.Normalised);

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("Hp")]
    [InlineData("HP")]
    [InlineData("Bn")]
    [InlineData("clef=bass")]
    public void Values_without_a_tonic_and_mode_give_no_key(string value) =>
        Assert.Null(AbcKey.TryParse(value));
}
