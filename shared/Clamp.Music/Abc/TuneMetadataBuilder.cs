namespace Clamp.Music.Abc;

/// <summary>Collects the fields of one tune and turns them into <see cref="TuneMetadata"/>.</summary>
internal sealed class TuneMetadataBuilder(IReadOnlyList<AbcField> fileHeaderFields)
{
    private readonly List<AbcField> _fields = [];
    private readonly List<string> _titles = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _continuation = [];
    private int _lastFieldIndex = -1;
    private bool _lastFieldIsHeaderTitle;
    private bool _bodyStarted;
    private string? _openingMeter;

    public string? ReferenceNumber { get; set; }

    public IReadOnlyList<string> Warnings => _warnings;

    public void Add(AbcField field, bool inHeader)
    {
        if (field.Name == '+')
        {
            // Collected and joined once, when the field is complete: joining at every line made a flood of
            // continuation lines cost memory quadratic in their number.
            if (_lastFieldIndex >= 0 && field.Value.Length > 0)
            {
                _continuation.Add(field.Value);
            }

            return;
        }

        EndContinuation();
        _fields.Add(field);
        _lastFieldIndex = _fields.Count - 1;
        _lastFieldIsHeaderTitle = field.Name == 'T' && inHeader && field.Value.Length > 0;
        if (field.Name == 'M' && !_bodyStarted && CleanText(field.Value).Length > 0)
        {
            _openingMeter = field.Value;
        }

        if (_lastFieldIsHeaderTitle)
        {
            _titles.Add(field.Value);
        }
    }

    /// <summary>
    /// The first music line has been read. The tune's meter is the one in force there: the last M: field before it,
    /// which may follow K: (Nottingham's jigs write <c>M:4/4 … K:A</c> then <c>M:6/8</c> before the first bar);
    /// meter changes inside the music do not change it.
    /// </summary>
    public void StartBody() => _bodyStarted = true;

    /// <summary>An inline field of the body (<c>[V:1]</c>, <c>[K:G]</c>): seen by metadata, never continued.</summary>
    public void AddInline(AbcField field) => _fields.Add(field);

    public void Warn(int line, string message) => _warnings.Add($"line {line}: {message}");

    public TuneMetadata Build(int startLine)
    {
        EndContinuation();
        var values = new Dictionary<char, List<string>>();
        var ownNames = _fields.Select(f => f.Name).ToHashSet();
        foreach (var field in fileHeaderFields.Where(f => !ownNames.Contains(f.Name)).Concat(_fields))
        {
            var value = CleanText(field.Value);
            if (value.Length > 0)
            {
                (values.TryGetValue(field.Name, out var list) ? list : values[field.Name] = []).Add(value);
            }
        }

        var keyValue = First('K');
        var key = keyValue is null ? null : AbcKey.TryParse(keyValue);
        if (keyValue is not null && key is null && !keyValue.StartsWith("none", StringComparison.OrdinalIgnoreCase))
        {
            Warn(startLine, $"key '{keyValue}' is not a tonic and mode; no key recorded");
        }

        var meter = _openingMeter is null ? First('M') : CleanText(_openingMeter);
        var tempo = First('Q');
        var unitLength = First('L');
        var notes = All('N').Select(Credit).ToLookup(note => note.Role, note => note.Text);
        return new TuneMetadata
        {
            ReferenceNumber = ReferenceNumber,
            Titles = _titles.Count > 0 ? _titles.Select(CleanText).ToList() : All('T'),
            Composer = Join("; ", 'C'),
            Lyricist = JoinAll("; ", notes[AbcCredits.Lyricist].ToList()),
            Arranger = JoinAll("; ", notes[AbcCredits.Arranger].ToList()),
            Rhythm = Join(", ", 'R')?.ToLowerInvariant(),
            Origin = Join(", ", 'O') ?? Join(", ", 'A'),
            Notes = JoinAll("\n", notes[""].ToList()),
            Source = Join("; ", 'S'),
            Book = Join("; ", 'B'),
            History = Join("\n", 'H'),
            Transcription = Join("; ", 'Z'),
            Lyrics = Lyrics() is { Count: > 0 } lyrics ? string.Join("\n", lyrics) : null,
            Meter = meter is null ? null : AbcMeter.NormaliseMeter(meter),
            Key = key?.Normalised,
            KeyTonic = key?.Tonic,
            KeyMode = key?.Mode,
            UnitLength = unitLength is null ? null : AbcMeter.NormaliseUnitLength(unitLength),
            Tempo = tempo,
            BeatsPerMinute = tempo is null ? null : AbcMeter.BeatsPerMinute(tempo),
            Voices = All('V').Select(VoiceId).Where(id => id.Length > 0).Distinct().ToList(),
            Fields = values.ToDictionary(kv => kv.Key.ToString(), kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
        };

        List<string> All(char name) => values.TryGetValue(name, out var list) ? list : [];

        string? First(char name) => values.TryGetValue(name, out var list) ? list[0] : null;

        string? Join(string separator, char name) => JoinAll(separator, All(name));
    }

    /// <summary>Appends the continuation lines (<c>+:</c>) read since the last field to its value: "words" and "+:more" read "words more".</summary>
    private void EndContinuation()
    {
        if (_continuation.Count == 0)
        {
            return;
        }

        var previous = _fields[_lastFieldIndex];
        var value = previous.Value.Length > 0 ? $"{previous.Value} {string.Join(' ', _continuation)}" : string.Join(' ', _continuation);
        _fields[_lastFieldIndex] = previous with { Value = value };
        if (_lastFieldIsHeaderTitle)
        {
            _titles[^1] = value;
        }

        _continuation.Clear();
    }

    /// <summary>Several values of one field as one text, each once; null when there are none.</summary>
    private static string? JoinAll(string separator, IReadOnlyList<string> values) =>
        values.Count == 0 ? null : values.Count == 1 ? values[0] : string.Join(separator, values.Distinct());

    /// <summary>A note's role and name when it is a credit (<see cref="AbcCredits"/>); else no role and the note itself.</summary>
    private static (string Role, string Text) Credit(string note) =>
        AbcCredits.TryRead(note, out var role, out var name) ? (role, name) : ("", note);

    /// <summary>The lyrics of the tune, one line per <c>W:</c> or <c>w:</c> field; a <c>w:</c> line's syllables joined into words.</summary>
    private List<string> Lyrics() =>
        _fields.Where(f => f.Name is 'W' or 'w')
            .Select(f => f.Name == 'w' ? AbcLyrics.Words(CleanText(f.Value)) : CleanText(f.Value))
            .Where(v => v.Length > 0)
            .ToList();

    /// <summary>
    /// Removes control characters, and closing brackets with no opening one (as Essen's <c>R:</c> values have); an
    /// escaped percent sign (<c>\%</c>, which is not a comment) is a percent sign.
    /// </summary>
    private static string CleanText(string value)
    {
        var text = value.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || value.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
            ? new string(value.Where(c => !char.IsControl(c)).ToArray())
            : value;
        text = text.Replace("\\%", "%", StringComparison.Ordinal);
        return text.EndsWith(']') && !text.Contains('[') ? text.TrimEnd(']').TrimEnd() : text;
    }

    private static string VoiceId(string value)
    {
        var end = value.AsSpan().IndexOfAny(' ', '\t');
        return end < 0 ? value : value[..end];
    }
}
