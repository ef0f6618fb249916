using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>
/// Puts each chord symbol of a measure on the first note of the part at or after the symbol's offset, trying the
/// part's voices in order (a voice whose note there already has a symbol passes it on). n log n in the notes.
/// </summary>
internal static class ChordSymbolPlacer
{
    public static void Place(IReadOnlyList<List<VoiceEvent>> voices, List<(Fraction Offset, string Symbol)> symbols)
    {
        if (symbols.Count == 0)
        {
            return;
        }

        var notesInTimeOrder = voices
            .Select(events => Enumerable.Range(0, events.Count).Where(i => events[i] is NoteEvent).OrderBy(i => events[i].Offset).ToArray())
            .ToArray();
        foreach (var (offset, symbol) in symbols)
        {
            for (var v = 0; v < voices.Count; v++)
            {
                var events = voices[v];
                var order = notesInTimeOrder[v];
                var first = FirstAtOrAfter(order, events, offset);
                if (first < order.Length && events[order[first]] is NoteEvent { ChordSymbol: null } note)
                {
                    events[order[first]] = note with { ChordSymbol = symbol };
                    break;
                }
            }
        }
    }

    private static int FirstAtOrAfter(int[] order, List<VoiceEvent> events, Fraction offset)
    {
        int low = 0, high = order.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (events[order[middle]].Offset < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
