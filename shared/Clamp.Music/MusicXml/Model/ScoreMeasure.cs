namespace Clamp.Music.MusicXml.Model;

/// <summary>One bar of every voice, with the bar lines around it.</summary>
public sealed class ScoreMeasure
{
    public ScoreMeasure(int voiceCount) => Voices = Enumerable.Range(0, voiceCount).Select(_ => new List<VoiceEvent>()).ToArray();

    /// <summary>The events of each voice (index = voice index in <see cref="ImportedScore.Voices"/>).</summary>
    public IReadOnlyList<List<VoiceEvent>> Voices { get; }

    /// <summary>The bar's length; voices that end earlier are padded with rests.</summary>
    public Fraction Length { get; set; }

    public bool RepeatStart { get; set; }

    public bool RepeatEnd { get; set; }

    /// <summary>Volta numbers starting in this bar, e.g. "1" or "1,2".</summary>
    public string? Ending { get; set; }

    public BarStyle RightBar { get; set; }
}

public enum BarStyle
{
    Regular,
    Double,
    Final,
    HeavyLight,
}
