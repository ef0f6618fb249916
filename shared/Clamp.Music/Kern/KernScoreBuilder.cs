using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Reads a Humdrum file line by line into kern measures: reference records (<c>!!!</c>), interpretations (<c>*</c>),
/// barlines (<c>=</c>), comments (<c>!</c>) and data lines, timing every token by the durations in its spines.
/// <see cref="KernScoreAssembler"/> then makes the ABC-ready score.
/// </summary>
internal sealed class KernScoreBuilder(KernReadOptions options, ParseBudget budget)
{
    private readonly KernSpineLayout _layout = new(options.MaxSpines);
    private readonly List<KernTrackState> _tracks = [];
    private readonly List<KernMeasure> _measures = [];
    private readonly Dictionary<(int Track, int Slot), List<NotePitch>> _graceNotes = [];
    private readonly KernReferenceRecords _references = new();
    private KernMeasure? _open;
    private Fraction _now = Fraction.Zero;
    private Fraction _measureStart = Fraction.Zero;
    private bool _repeatStartsNext;
    private double? _tempo;

    /// <summary>Notes, chords and rests read so far (grace notes excluded).</summary>
    public int NoteCount { get; private set; }

    /// <exception cref="ScoreReadException">The text is not a readable kern score.</exception>
    public ImportedScore Build(string text)
    {
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            budget.Spend(line.Length + 1);
            ReadLine(line.TrimEnd('\r'), ++number);
        }

        CloseMeasure(null);
        if (_layout.TrackCount == 0)
        {
            throw new ScoreReadException("kern.malformed", "The file has no spines: a kern score starts them with a **kern line.");
        }

        return KernScoreAssembler.Assemble(_measures, _tracks, _layout, _references, _tempo, options.MaxVoices);
    }

    private void ReadLine(string line, int number)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith("!!", StringComparison.Ordinal))
        {
            _references.Read(line);
            return;
        }

        var tokens = line.Split('\t');
        if (!_layout.Active)
        {
            if (!line.StartsWith("**", StringComparison.Ordinal))
            {
                throw Malformed(number, $"\"{KernDuration.Shorten(line)}\" comes before any spine is started (with **kern) or after all are ended.");
            }

            _layout.Start(tokens, _now, number);
            AddTracks();
            return;
        }

        if (tokens.Length != _layout.Columns.Count)
        {
            throw Malformed(number, $"the line has {tokens.Length} tokens where {_layout.Columns.Count} spines are active.");
        }

        switch (line[0])
        {
            case '*':
                Interpret(tokens, number);
                break;
            case '=':
                Barline(tokens);
                break;
            case '!':
                break;
            default:
                Data(tokens, number);
                break;
        }
    }

    private void Interpret(string[] tokens, int number)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (_layout.IsKern(_layout.Columns[i]))
            {
                _tempo ??= KernInterpretation.Apply(tokens[i], _tracks[_layout.Columns[i].Track]);
            }
        }

        _layout.Apply(tokens, _now, number);
        AddTracks();
    }

    private void Barline(string[] tokens)
    {
        var kern = _layout.Columns.FindIndex(_layout.IsKern);
        var barline = KernBarline.Parse(tokens[Math.Max(kern, 0)]);
        CloseMeasure(barline);
        _repeatStartsNext |= barline.RepeatStart;
    }

    private void Data(string[] tokens, int number)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var column = _layout.Columns[i];
            if (tokens[i] == "." || !_layout.IsKern(column) || KernTokenParser.Parse(tokens[i], number) is not { } note)
            {
                continue;
            }

            var voice = (column.Track, column.Slot);
            if (note.Grace)
            {
                GraceNotesOf(voice).AddRange(note.Pitches);
                continue;
            }

            if (++NoteCount > options.MaxNotes)
            {
                throw new ScoreReadException("kern.too-large", $"The score has over {options.MaxNotes:N0} notes.", line: number);
            }

            OpenMeasure(number).EventsOf(voice).Add(new NoteEvent(_now - _measureStart, note.Duration, note.Pitches)
            {
                Invisible = note.Invisible,
                GraceNotes = _graceNotes.Remove(voice, out var graces) ? graces : [],
                Tuplet = KernTuplet.Of(note.Duration),
            });
            column.End = _now + note.Duration;
        }

        Advance();
    }

    /// <summary>Moves to the time of the next data line: the earliest end, after now, of a note in a kern spine.</summary>
    private void Advance()
    {
        Fraction? next = null;
        foreach (var column in _layout.Columns)
        {
            if (_layout.IsKern(column) && column.End > _now && (next is null || column.End < next))
            {
                next = column.End;
            }
        }

        _now = next ?? _now;
    }

    private KernMeasure OpenMeasure(int number)
    {
        if (_open is not null)
        {
            return _open;
        }

        if (_measures.Count >= options.MaxMeasures)
        {
            throw new ScoreReadException("kern.too-large", $"The score has over {options.MaxMeasures:N0} measures.", line: number);
        }

        var snapshots = Enumerable.Range(0, _tracks.Count).ToDictionary(t => t, t => _tracks[t].Snapshot());
        _open = new KernMeasure(snapshots) { RepeatStart = _repeatStartsNext };
        _repeatStartsNext = false;
        return _open;
    }

    /// <summary>Ends the measure being read at a barline (or the end of the file); a barline with no music before it marks the previous bar.</summary>
    private void CloseMeasure(KernBarline? barline)
    {
        if (_open is not null)
        {
            _open.Length = _now - _measureStart;
            _measures.Add(_open);
            _open = null;
        }
        else if (barline is null || _measures.Count == 0)
        {
            _measureStart = _now;
            return;
        }

        if (barline is not null)
        {
            _measures[^1].Close(barline);
        }

        _measureStart = _now;
    }

    private List<NotePitch> GraceNotesOf((int Track, int Slot) voice) =>
        _graceNotes.TryGetValue(voice, out var notes) ? notes : _graceNotes[voice] = [];

    private void AddTracks()
    {
        while (_tracks.Count < _layout.TrackCount)
        {
            _tracks.Add(new KernTrackState());
        }
    }

    private static ScoreReadException Malformed(int line, string message) => new("kern.malformed", message, line: line);
}
