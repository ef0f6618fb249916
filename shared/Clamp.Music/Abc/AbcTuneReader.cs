using System.Buffers;
using System.Text;

namespace Clamp.Music.Abc;

/// <summary>
/// Reads one tune (the lines from its <c>X:</c> to the next): header fields, then the body. Musical fields and
/// body lines go to the music text; text fields, lyrics and comments go to the metadata only.
/// </summary>
internal sealed class AbcTuneReader
{
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\f' or '\v')).Select(c => (char)c).Append('\u007f').ToArray());

    private readonly string _text;
    private readonly int _tuneIndex;
    private readonly ParseBudget _budget;
    private readonly TuneMetadataBuilder _metadata;
    private readonly StringBuilder _music;
    private readonly List<AbcField> _inlineFields = [];
    private int _keyLine = int.MaxValue;
    private bool _inHeader = true;
    private bool _sawKey;
    private bool _bodyStarted;
    private bool _blankAfterBody;
    private bool _hasNotes;
    private bool _lastFieldMusical;
    private bool _inTextBlock;

    private AbcTuneReader(string text, int tuneIndex, AbcFileHeader header, ParseBudget budget, int capacity)
    {
        _text = text;
        _tuneIndex = tuneIndex;
        _budget = budget;
        Spend(header.Length, null); // the file header's fields apply to every tune: each tune pays for its copy
        _music = new StringBuilder(capacity);
        _metadata = new TuneMetadataBuilder(header.Fields);
        foreach (var field in header.Fields.Where(f => f.IsMusical))
        {
            AppendField(field);
        }
    }

    /// <exception cref="ScoreReadException">The tune cannot be read, or reading it spends <paramref name="budget"/> (<c>abc.too-complex</c>).</exception>
    public static AbcTune Read(string text, ReadOnlySpan<AbcLine> lines, int tuneIndex, AbcFileHeader header, ParseBudget budget)
    {
        var length = lines[^1].Start + lines[^1].Length - lines[0].Start;
        var reader = new AbcTuneReader(text, tuneIndex, header, budget, length + 16);
        foreach (var line in lines)
        {
            if (line.In(text).StartsWith("K:", StringComparison.Ordinal))
            {
                reader._keyLine = line.Number;
                break;
            }
        }

        foreach (var line in lines)
        {
            reader.Spend(line.Length + 1, line.Number);
            reader.ReadLine(line);
        }

        return reader.Finish(lines[0].Number);
    }

    private void Spend(int work, int? line)
    {
        try
        {
            _budget.Spend(work);
        }
        catch (ParseBudgetExceededException e)
        {
            throw e.ToReadException("abc", _tuneIndex, line);
        }
    }

    private void ReadLine(AbcLine line)
    {
        var span = line.In(_text);
        if (span.IndexOfAny(ControlCharacters) is var control and >= 0)
        {
            throw new ScoreReadException(
                "abc.not-text", $"control character U+{(int)span[control]:X4} at column {control + 1}: not ABC text", _tuneIndex, line.Number);
        }

        if (_inTextBlock || AbcComments.IsTextBlockStart(span))
        {
            _inTextBlock = !AbcComments.IsTextBlockEnd(span);
            return;
        }

        if (span.IsWhiteSpace())
        {
            _blankAfterBody = _bodyStarted;
            return;
        }

        if (AbcComments.IsCommentLine(span))
        {
            if (AbcComments.IsVoiceGrouping(span))
            {
                AppendMusicLine(AsciiFolding.Fold($"%%{AbcComments.Strip(span[2..]).TrimEnd()}"));
            }

            return;
        }

        if (AbcField.TryRead(span, out var field))
        {
            ReadField(field);
            return;
        }

        ReadMusic(span, line.Number);
    }

    private void ReadField(AbcField field)
    {
        if (_bodyStarted)
        {
            _blankAfterBody = false; // a field after a blank line: the tune goes on (a new part, a new voice)
        }

        if (field.Name == 'X' && _metadata.ReferenceNumber is null && !_bodyStarted)
        {
            _metadata.ReferenceNumber = field.Value;
            return;
        }

        if (field.Name == '+')
        {
            if (_lastFieldMusical)
            {
                AppendField(field);
            }

            _metadata.Add(field, _inHeader);
            return;
        }

        _metadata.Add(field, _inHeader);
        _lastFieldMusical = field.IsMusical;
        if (field.IsMusical)
        {
            AppendField(field);
        }

        if (field.Name == 'K')
        {
            _sawKey = true;
            _inHeader = false;
        }
    }

    private void ReadMusic(ReadOnlySpan<char> line, int lineNumber)
    {
        if (_blankAfterBody && !line.Contains('|'))
        {
            _metadata.Warn(lineNumber, "text after a blank line that has no bar line is taken as free text and left out");
            return;
        }

        if (_inHeader && lineNumber < _keyLine)
        {
            if (_keyLine != int.MaxValue)
            {
                _metadata.Warn(lineNumber, "a line in the header that is not a field is left out");
                return;
            }

            _metadata.Warn(lineNumber, "music starts before any K: field");
        }

        _inHeader = false;
        if (!_bodyStarted)
        {
            _metadata.StartBody();
        }

        _bodyStarted = true;
        _lastFieldMusical = false;
        _inlineFields.Clear();
        var start = _music.Length;
        var hasNotes = MusicLineCleaner.Append(line, _music, _inlineFields);
        foreach (var inline in _inlineFields)
        {
            _metadata.AddInline(inline);
        }

        if (_music.Length > start)
        {
            _hasNotes |= hasNotes;
            _music.Append('\n');
        }
    }

    private void AppendMusicLine(string line) => _music.Append(line).Append('\n');

    private void AppendField(AbcField field) =>
        _music.Append(field.Name).Append(':').Append(AsciiFolding.Fold(field.Value)).Append('\n');

    private AbcTune Finish(int startLine)
    {
        if (!_bodyStarted)
        {
            throw new ScoreReadException("abc.no-body", "the tune has a header but no music lines", _tuneIndex, startLine);
        }

        if (!_hasNotes)
        {
            throw new ScoreReadException("abc.no-notes", "the tune's body has no notes (A-G, a-g)", _tuneIndex, startLine);
        }

        if (!_sawKey)
        {
            _metadata.Warn(startLine, "the tune has no K: field");
        }

        var metadata = _metadata.Build(startLine);
        return new AbcTune
        {
            TuneIndex = _tuneIndex,
            StartLine = startLine,
            Metadata = metadata,
            MusicText = _music.ToString().TrimEnd('\n'),
            Warnings = _metadata.Warnings.ToList(),
        };
    }
}
