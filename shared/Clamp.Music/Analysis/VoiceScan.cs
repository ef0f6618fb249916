namespace Clamp.Music.Analysis;

/// <summary>What was counted in one voice of a tune, and the state needed while scanning it.</summary>
internal sealed class VoiceScan(string id, int[] keyAlters)
{
    /// <summary>Accidentals written in the current bar, by letter and octave; they last to the bar line.</summary>
    private readonly Dictionary<int, int> _barAccidentals = [];

    private int _onsetsInBar;
    private bool _barHasContent;

    public string Id { get; } = id;

    /// <summary>The part's name (<c>nm=</c> or <c>name=</c>), where given.</summary>
    public string? Name { get; set; }

    /// <summary>Key signature alterations of A to G.</summary>
    public int[] KeyAlters { get; set; } = keyAlters;

    public int Bars { get; private set; }

    /// <summary>Notes, each note of a chord counted.</summary>
    public int Notes { get; private set; }

    /// <summary>Note onsets: a chord counts once.</summary>
    public int Onsets { get; private set; }

    public List<int> OnsetsPerBar { get; } = [];

    /// <summary>The sounding alteration of a note: written, else from earlier in the bar, else from the key.</summary>
    public int Alteration(char letter, int octave, int? written)
    {
        var slot = (letter * 16) + octave;
        if (written is { } alter)
        {
            _barAccidentals[slot] = alter;
            return alter;
        }

        return _barAccidentals.TryGetValue(slot, out var earlier) ? earlier : KeyAlters[MusicXml.Writing.AbcKeys.StepIndex(letter)];
    }

    public void AddNote(bool newOnset)
    {
        Notes++;
        if (newOnset)
        {
            Onsets++;
            _onsetsInBar++;
        }

        _barHasContent = true;
    }

    public void AddRest() => _barHasContent = true;

    /// <summary>A bar line: closes the bar when something was written in it.</summary>
    public void EndBar()
    {
        _barAccidentals.Clear();
        if (!_barHasContent)
        {
            return;
        }

        Bars++;
        OnsetsPerBar.Add(_onsetsInBar);
        _onsetsInBar = 0;
        _barHasContent = false;
    }

    /// <summary>A multi-bar rest (<c>Z4</c>): that many empty bars.</summary>
    public void AddRestBars(int count)
    {
        EndBar();
        for (var i = 0; i < count; i++)
        {
            Bars++;
            OnsetsPerBar.Add(0);
        }
    }
}
