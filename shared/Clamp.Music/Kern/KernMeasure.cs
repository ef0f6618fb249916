using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>One kern measure as read: events by voice (spine and sub-spine), each spine's key/meter/clef, bar lines.</summary>
internal sealed class KernMeasure(IReadOnlyDictionary<int, KernSnapshot> snapshots)
{
    public Dictionary<(int Track, int Slot), List<VoiceEvent>> Events { get; } = [];

    /// <summary>Key, meter and clef of every spine when the measure's music started.</summary>
    public IReadOnlyDictionary<int, KernSnapshot> Snapshots { get; } = snapshots;

    public Fraction Length { get; set; }

    public bool RepeatStart { get; set; }

    public bool RepeatEnd { get; set; }

    public BarStyle RightBar { get; set; }

    public List<VoiceEvent> EventsOf((int Track, int Slot) voice) =>
        Events.TryGetValue(voice, out var events) ? events : Events[voice] = [];

    /// <summary>Takes what a barline says about the end of this measure.</summary>
    public void Close(KernBarline barline)
    {
        RepeatEnd |= barline.RepeatEnd;
        if (barline.Style != BarStyle.Regular)
        {
            RightBar = barline.Style;
        }
    }
}
