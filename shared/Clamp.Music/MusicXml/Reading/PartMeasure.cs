using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>One measure of one part as read: events per (staff, voice), part-wide fields, chord symbols, bar lines.</summary>
internal sealed class PartMeasure
{
    public Dictionary<VoiceKey, List<VoiceEvent>> Voices { get; } = [];

    /// <summary>Key, meter and clef changes; <c>Staff</c> null means every staff of the part.</summary>
    public List<(int? Staff, FieldEvent Field)> Fields { get; } = [];

    public List<(Fraction Offset, string Symbol)> ChordSymbols { get; } = [];

    public Fraction Length { get; set; }

    public bool RepeatStart { get; set; }

    public bool RepeatEnd { get; set; }

    public string? Ending { get; set; }

    public BarStyle RightBar { get; set; }
}

/// <summary>A MusicXML voice of a part, on the staff its notes are written on.</summary>
internal readonly record struct VoiceKey(int Staff, string Voice) : IComparable<VoiceKey>
{
    public int CompareTo(VoiceKey other)
    {
        var byStaff = Staff.CompareTo(other.Staff);
        if (byStaff != 0)
        {
            return byStaff;
        }

        return int.TryParse(Voice, out var a) && int.TryParse(other.Voice, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(Voice, other.Voice);
    }
}
