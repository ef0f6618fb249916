using System.Globalization;
using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>
/// Reads one <c>&lt;part&gt;</c> measure by measure, following the time cursor through
/// <c>&lt;backup&gt;</c> and <c>&lt;forward&gt;</c>, and sorts notes into voices.
/// </summary>
internal sealed class PartReader(MusicXmlReadOptions options, ParseBudget budget)
{
    private const int MaxChordPitches = 128;
    private readonly Dictionary<int, List<string>> _pendingDynamics = [];
    private int _divisions = 1;
    private Meter? _meter;

    public PartContent Read(XElement part, string name)
    {
        var content = new PartContent(name);
        var measures = part.Elements("measure").ToList();
        if (measures.Count > options.MaxMeasures)
        {
            throw new ScoreReadException("musicxml.too-large", $"Part '{name}' has {measures.Count} measures (at most {options.MaxMeasures} allowed).");
        }

        foreach (var measure in measures)
        {
            content.Measures.Add(ReadMeasure(measure, content));
        }

        return content;
    }

    private PartMeasure ReadMeasure(XElement measure, PartContent content)
    {
        var result = new PartMeasure();
        var cursor = Fraction.Zero;
        var end = Fraction.Zero;
        var graces = new Dictionary<VoiceKey, (List<NotePitch> Pitches, bool Slashed)>();
        (List<VoiceEvent> Events, int Index)? lastNote = null;
        foreach (var element in measure.Elements())
        {
            budget.Spend(1);
            switch (element.Name.LocalName)
            {
                case "attributes":
                    ReadAttributes(element, cursor, result, content, isFirstMeasure: content.Measures.Count == 0);
                    break;
                case "note":
                    CountNote(content);
                    var note = NoteReader.Read(element, _divisions);
                    if (note.IsGrace)
                    {
                        AddGrace(graces, note);
                    }
                    else if (note.IsChordMember && lastNote is { } last && note.Pitch is not null)
                    {
                        AddToChord(last.Events, last.Index, note.Pitch);
                    }
                    else if (note.Duration.IsPositive)
                    {
                        lastNote = AddNote(result, graces, note, cursor, content);
                        cursor += note.Duration;
                    }

                    break;
                case "backup":
                    cursor = Fraction.Max(Fraction.Zero, cursor - DurationOf(element));
                    break;
                case "forward":
                    cursor += DurationOf(element);
                    break;
                case "harmony" when HarmonyReader.Symbol(element) is { } symbol:
                    result.ChordSymbols.Add((cursor + OffsetOf(element), symbol));
                    break;
                case "direction":
                    content.Tempo ??= Tempo(element);
                    AddDynamics(element);
                    break;
                case "sound":
                    content.Tempo ??= Tempo(element);
                    break;
                case "barline":
                    BarlineReader.Apply(element, result);
                    break;
            }

            end = Fraction.Max(end, cursor);
        }

        result.Length = end.IsPositive ? end : _meter?.BarLength is { IsPositive: true } bar ? bar : new Fraction(1, 1);
        return result;
    }

    private (List<VoiceEvent>, int) AddNote(
        PartMeasure measure, Dictionary<VoiceKey, (List<NotePitch> Pitches, bool Slashed)> graces, ParsedNote note, Fraction offset, PartContent content)
    {
        var events = Events(measure, note.Voice);
        var grace = graces.Remove(note.Voice, out var pending) ? pending : ([], false);
        events.Add(new NoteEvent(offset, note.Duration, note.Pitch is null ? [] : [note.Pitch])
        {
            Invisible = note.Pitch is null && note.Invisible,
            GraceNotes = grace.Pitches,
            GraceSlashed = grace.Slashed,
            Decorations = _pendingDynamics.Remove(note.Voice.Staff, out var dynamics) ? [.. dynamics, .. note.Decorations] : note.Decorations,
            Tuplet = note.Tuplet,
            BeamedToNext = note.BeamedToNext,
        });
        foreach (var (verse, syllable) in note.Lyrics)
        {
            if (!content.Verses.TryGetValue(verse, out var syllables))
            {
                content.Verses[verse] = syllables = [];
            }

            syllables.Add(syllable);
        }

        return (events, events.Count - 1);
    }

    /// <summary>Dynamics wait for the next note written on their staff.</summary>
    private void AddDynamics(XElement direction)
    {
        var marks = DynamicsReader.Decorations(direction).ToList();
        if (marks.Count == 0)
        {
            return;
        }

        var staff = DynamicsReader.Staff(direction);
        if (!_pendingDynamics.TryGetValue(staff, out var pending))
        {
            _pendingDynamics[staff] = pending = [];
        }

        pending.AddRange(marks.Except(pending));
    }

    private static void AddGrace(Dictionary<VoiceKey, (List<NotePitch> Pitches, bool Slashed)> graces, ParsedNote note)
    {
        if (note.Pitch is null)
        {
            return;
        }

        if (!graces.TryGetValue(note.Voice, out var pending))
        {
            graces[note.Voice] = pending = ([], note.GraceSlashed);
        }

        pending.Pitches.Add(note.Pitch with { TieToNext = false });
    }

    /// <summary>Every note element counts, grace notes and chord members included.</summary>
    private void CountNote(PartContent content)
    {
        if (++content.EventCount > options.MaxNotes)
        {
            throw new ScoreReadException("musicxml.too-large", $"The score has more than {options.MaxNotes:N0} notes.");
        }
    }

    /// <summary>Adds a pitch to a chord; beyond <see cref="MaxChordPitches"/> pitches (more than any keyboard) the rest are left out.</summary>
    private static void AddToChord(List<VoiceEvent> events, int index, NotePitch pitch)
    {
        if (events[index] is NoteEvent { IsRest: false } head && head.Pitches.Count < MaxChordPitches && !head.Pitches.Contains(pitch))
        {
            events[index] = head with { Pitches = [.. head.Pitches, pitch] };
        }
    }

    private static List<VoiceEvent> Events(PartMeasure measure, VoiceKey voice)
    {
        if (!measure.Voices.TryGetValue(voice, out var events))
        {
            measure.Voices[voice] = events = [];
        }

        return events;
    }

    private void ReadAttributes(XElement attributes, Fraction cursor, PartMeasure measure, PartContent content, bool isFirstMeasure)
    {
        if (attributes.Int("divisions") is > 0 and var divisions)
        {
            _divisions = divisions;
        }

        foreach (var key in attributes.Elements("key"))
        {
            var signature = AttributesReader.Key(key) ?? KeySignature.CMajor;
            measure.Fields.Add((key.IntAttribute("number"), new FieldEvent(cursor, FieldKind.Key, Key: signature)));
        }

        foreach (var time in attributes.Elements("time"))
        {
            if (AttributesReader.Time(time) is { } meter)
            {
                _meter = meter;
                measure.Fields.Add((time.IntAttribute("number"), new FieldEvent(cursor, FieldKind.Meter, Meter: meter)));
            }
        }

        foreach (var clefElement in attributes.Elements("clef"))
        {
            var staff = clefElement.IntAttribute("number") ?? 1;
            var clef = AttributesReader.Clef(clefElement);
            if (isFirstMeasure && cursor.IsZero)
            {
                content.InitialClefs.TryAdd(staff, clef);
            }

            measure.Fields.Add((staff, new FieldEvent(cursor, FieldKind.Clef, Clef: clef)));
        }
    }

    private Fraction DurationOf(XElement element) => Fraction.Max(Fraction.Zero, element.Time("duration", _divisions) ?? Fraction.Zero);

    /// <summary>The <c>&lt;offset&gt;</c> of a harmony or direction, in divisions from the cursor.</summary>
    private Fraction OffsetOf(XElement element) => element.Time("offset", _divisions) ?? Fraction.Zero;

    private static double? Tempo(XElement element)
    {
        var sound = element.Name.LocalName == "sound" ? element : element.Element("sound");
        return double.TryParse(sound?.Attr("tempo"), NumberStyles.Float, CultureInfo.InvariantCulture, out var tempo) && tempo > 0
            ? tempo
            : null;
    }
}
