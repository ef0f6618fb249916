namespace Clamp.Music.Abc;

/// <summary>Collects the fields of one tune and turns them into <see cref="TuneMetadata"/>.</summary>
internal sealed class TuneMetadataBuilder(IReadOnlyList<AbcField> fileHeaderFields)
{
    private readonly List<AbcField> _fields = [];
    private readonly List<string> _titles = [];
    private readonly List<string> _warnings = [];
    private int _lastFieldIndex = -1;

    public string? ReferenceNumber { get; set; }

    public IReadOnlyList<string> Warnings => _warnings;

    public void Add(AbcField field, bool inHeader)
    {
        if (field.Name == '+')
        {
            if (_lastFieldIndex >= 0)
            {
                var previous = _fields[_lastFieldIndex];
                _fields[_lastFieldIndex] = previous with { Value = $"{previous.Value} {field.Value}".Trim() };
                if (previous.Name == 'T' && _titles.Count > 0 && inHeader)
                {
                    _titles[^1] = _fields[_lastFieldIndex].Value;
                }
            }

            return;
        }

        _fields.Add(field);
        _lastFieldIndex = _fields.Count - 1;
        if (field.Name == 'T' && inHeader && field.Value.Length > 0)
        {
            _titles.Add(field.Value);
        }
    }

    /// <summary>An inline field of the body (<c>[V:1]</c>, <c>[K:G]</c>): seen by metadata, never continued.</summary>
    public void AddInline(AbcField field) => _fields.Add(field);

    public void Warn(int line, string message) => _warnings.Add($"line {line}: {message}");

    public TuneMetadata Build(int startLine)
    {
        var all = fileHeaderFields.Where(f => !_fields.Any(t => t.Name == f.Name)).Concat(_fields).ToList();
        var keyValue = First(all, 'K');
        var key = keyValue is null ? null : AbcKey.TryParse(keyValue);
        if (keyValue is { Length: > 0 } && key is null && !keyValue.StartsWith("none", StringComparison.OrdinalIgnoreCase))
        {
            Warn(startLine, $"key '{keyValue}' is not a tonic and mode; no key recorded");
        }

        var meterValue = First(all, 'M');
        var tempo = First(all, 'Q');
        return new TuneMetadata
        {
            ReferenceNumber = ReferenceNumber,
            Titles = _titles.Count > 0 ? _titles.ToList() : All(all, 'T').ToList(),
            Composer = Join(all, "; ", 'C'),
            Rhythm = Join(all, ", ", 'R')?.ToLowerInvariant(),
            Origin = Join(all, ", ", 'O') ?? Join(all, ", ", 'A'),
            Notes = Join(all, "\n", 'N'),
            Source = Join(all, "; ", 'S'),
            Book = Join(all, "; ", 'B'),
            History = Join(all, "\n", 'H'),
            Transcription = Join(all, "; ", 'Z'),
            Lyrics = Join(all, "\n", 'W', 'w'),
            Meter = meterValue is null ? null : AbcMeter.NormaliseMeter(meterValue),
            Key = key?.Normalised,
            KeyTonic = key?.Tonic,
            KeyMode = key?.Mode,
            UnitLength = First(all, 'L') is { } unit ? AbcMeter.NormaliseUnitLength(unit) : null,
            Tempo = tempo,
            BeatsPerMinute = tempo is null ? null : AbcMeter.BeatsPerMinute(tempo),
            Voices = All(all, 'V').Select(VoiceId).Where(id => id.Length > 0).Distinct().ToList(),
            Fields = all.GroupBy(f => f.Name.ToString(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList(), StringComparer.Ordinal),
        };
    }

    private static IEnumerable<string> All(List<AbcField> fields, params char[] names) =>
        fields.Where(f => names.Contains(f.Name)).Select(f => CleanText(f.Value)).Where(v => v.Length > 0);

    /// <summary>Removes control characters and a closing brackets with no opening one (as Essen's <c>R:</c> values have).</summary>
    private static string CleanText(string value)
    {
        var text = value.Any(char.IsControl) ? new string(value.Where(c => !char.IsControl(c)).ToArray()) : value;
        return text.EndsWith(']') && !text.Contains('[') ? text.TrimEnd(']').TrimEnd() : text;
    }

    private static string? First(List<AbcField> fields, char name) => All(fields, name).FirstOrDefault();

    private static string? Join(List<AbcField> fields, string separator, params char[] names) =>
        All(fields, names).Distinct().ToList() is { Count: > 0 } values ? string.Join(separator, values) : null;

    private static string VoiceId(string value)
    {
        var end = value.AsSpan().IndexOfAny(' ', '\t');
        return end < 0 ? value : value[..end];
    }
}
