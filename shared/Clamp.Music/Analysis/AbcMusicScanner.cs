namespace Clamp.Music.Analysis;

/// <summary>
/// One pass over ABC music text that counts what <see cref="ScoreFacts"/> needs: bars, notes and onsets per voice,
/// sounding pitches (key signature, accidentals that last to the bar line, octave marks), chord symbols and
/// <c>[]</c> chords. Skips decorations (<c>!x!</c>, <c>+x+</c>), grace notes, annotations and comments; honours
/// <c>K:</c> and <c>V:</c> fields, inline or not. Approximate by design and never throws on odd text.
/// </summary>
internal sealed class AbcMusicScanner
{
    private readonly ScannedMusic _result = new();
    private readonly Dictionary<string, VoiceScan> _voices = new(StringComparer.Ordinal);
    private int[] _defaultKey = KeySignature.Natural();
    private bool _keySeen;
    private VoiceScan? _voice;

    // The [] chord being read: pitch classes, distinct pitches and whether its first note was counted as the onset.
    private bool _inChord;
    private int _chordPitchClasses;
    private int _chordNotes;
    private int _chordFirstMidi;
    private bool _chordHasOtherPitch;

    public static ScannedMusic Scan(string musicText)
    {
        var scanner = new AbcMusicScanner();
        foreach (var line in musicText.AsSpan().EnumerateLines())
        {
            scanner.ReadLine(line);
        }

        return scanner.Finish();
    }

    private VoiceScan Voice => _voice ??= SwitchVoice("");

    private void ReadLine(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("%%score", StringComparison.Ordinal) || line.StartsWith("%%staves", StringComparison.Ordinal))
        {
            _result.ScoreParts ??= ScoreDirective.CountParts(line);
            return;
        }

        if (line.TrimStart().StartsWith('%'))
        {
            return;
        }

        if (line.Length >= 2 && char.IsAsciiLetter(line[0]) && line[1] == ':')
        {
            ReadField(line[0], line[2..]);
            return;
        }

        ReadMusic(line);
    }

    private void ReadField(char name, ReadOnlySpan<char> value)
    {
        switch (name)
        {
            case 'K' when KeySignature.TryRead(value) is { } key:
                if (!_keySeen)
                {
                    _result.PreferFlats = key.Any(a => a < 0);
                    _keySeen = true;
                }

                if (_result.Lowest is null)
                {
                    // Before any note (the header): the key of every voice.
                    _defaultKey = key;
                    _result.Voices.ForEach(v => v.KeyAlters = key);
                }
                else
                {
                    Voice.KeyAlters = key;
                }

                break;
            case 'V':
                EndChord();
                var voice = SwitchVoice(VoiceField.Id(value));
                voice.Name ??= VoiceField.Name(value);
                break;
        }
    }

    private VoiceScan SwitchVoice(string id)
    {
        if (!_voices.TryGetValue(id, out var voice))
        {
            voice = new VoiceScan(id, _defaultKey);
            _voices[id] = voice;
            _result.Voices.Add(voice);
        }

        _voice = voice;
        return voice;
    }

    private void ReadMusic(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            switch (c)
            {
                case '%':
                    return;
                case '"':
                    i = ReadQuoted(line, i);
                    continue;
                case '!' or '+':
                    i = SkipTo(line, i, c);
                    continue;
                case '{':
                    i = SkipTo(line, i, '}');
                    continue;
                case '[':
                    i = ReadOpenBracket(line, i);
                    continue;
                case ']':
                    EndChord();
                    break;
                case '|':
                    EndChord();
                    Voice.EndBar();
                    break;
                case ':' when i + 1 < line.Length && line[i + 1] == ':':
                    Voice.EndBar();
                    i += 2;
                    continue;
                case 'z' or 'x':
                    Voice.AddRest();
                    break;
                case 'Z':
                    i = ReadMultiBarRest(line, i);
                    continue;
                case '^' or '_' or '=' or (>= 'A' and <= 'G') or (>= 'a' and <= 'g'):
                    i = ReadNote(line, i);
                    continue;
            }

            i++;
        }
    }

    /// <summary>A chord symbol or an annotation; returns the index after the closing quote.</summary>
    private int ReadQuoted(ReadOnlySpan<char> line, int i)
    {
        var close = line[(i + 1)..].IndexOf('"');
        var text = close < 0 ? line[(i + 1)..] : line.Slice(i + 1, close);
        if (ChordSymbol.TryRead(text) is { } chord)
        {
            _result.ChordSymbols.Add(chord);
        }

        return close < 0 ? line.Length : i + close + 2;
    }

    /// <summary>Skips from an opening delimiter to its closing one; a lone delimiter is skipped alone.</summary>
    private static int SkipTo(ReadOnlySpan<char> line, int i, char closing)
    {
        var close = line[(i + 1)..].IndexOf(closing);
        return close < 0 ? i + 1 : i + close + 2;
    }

    /// <summary>An inline field <c>[K:…]</c>, a bar line <c>[|</c>, an ending <c>[1</c> or the start of a chord.</summary>
    private int ReadOpenBracket(ReadOnlySpan<char> line, int i)
    {
        if (i + 2 < line.Length && char.IsAsciiLetter(line[i + 1]) && line[i + 2] == ':')
        {
            var close = line[i..].IndexOf(']');
            var end = close < 0 ? line.Length : i + close;
            ReadField(line[i + 1], line[(i + 3)..end]);
            return close < 0 ? line.Length : end + 1;
        }

        if (i + 1 < line.Length && (line[i + 1] == '|' || char.IsAsciiDigit(line[i + 1])))
        {
            return i + 1;
        }

        EndChord();
        _inChord = true;
        return i + 1;
    }

    private int ReadMultiBarRest(ReadOnlySpan<char> line, int i)
    {
        var j = i + 1;
        var count = 0;
        while (j < line.Length && char.IsAsciiDigit(line[j]) && count < 10_000)
        {
            count = (count * 10) + (line[j] - '0');
            j++;
        }

        Voice.AddRestBars(Math.Max(count, 1));
        return j;
    }

    /// <summary>Accidentals, a letter and octave marks; returns the index after them (lengths are skipped by the caller).</summary>
    private int ReadNote(ReadOnlySpan<char> line, int i)
    {
        int? written = null;
        while (i < line.Length && line[i] is '^' or '_' or '=')
        {
            written = (written ?? 0) + line[i] switch { '^' => 1, '_' => -1, _ => 0 };
            i++;
        }

        if (i >= line.Length || line[i] is not ((>= 'A' and <= 'G') or (>= 'a' and <= 'g')))
        {
            return i;
        }

        var letter = char.ToUpperInvariant(line[i]);
        var octave = char.IsAsciiLetterLower(line[i]) ? 5 : 4;
        i++;
        while (i < line.Length && line[i] is '\'' or ',')
        {
            octave += line[i] == '\'' ? 1 : -1;
            i++;
        }

        octave = Math.Clamp(octave, -1, 9);
        var voice = Voice;
        var pitch = new Pitch(letter, Math.Clamp(voice.Alteration(letter, octave, written), -2, 2), octave);
        _result.AddPitch(pitch);
        AddNote(voice, pitch);
        return i;
    }

    private void AddNote(VoiceScan voice, Pitch pitch)
    {
        if (!_inChord)
        {
            voice.AddNote(newOnset: true);
            return;
        }

        voice.AddNote(newOnset: _chordNotes == 0);
        if (_chordNotes == 0)
        {
            _chordFirstMidi = pitch.Midi;
        }

        _chordHasOtherPitch |= pitch.Midi != _chordFirstMidi;
        _chordPitchClasses |= 1 << pitch.PitchClass;
        _chordNotes++;
    }

    private void EndChord()
    {
        if (_inChord && _chordHasOtherPitch)
        {
            _result.SimultaneousOnsets++;
            if (NoteChord.TryName(_chordPitchClasses, _result.PreferFlats) is { } chord)
            {
                _result.NoteChords.Add(chord);
            }
        }

        _inChord = false;
        _chordPitchClasses = 0;
        _chordNotes = 0;
        _chordHasOtherPitch = false;
    }

    private ScannedMusic Finish()
    {
        EndChord();
        foreach (var voice in _result.Voices)
        {
            voice.EndBar();
        }

        _result.Voices.RemoveAll(v => v.Id.Length == 0 && v.Bars == 0 && _result.Voices.Count > 1);
        return _result;
    }
}
