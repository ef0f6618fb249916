using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Follows the columns of a Humdrum file through exclusive interpretations (<c>**kern</c>) and spine manipulators:
/// split <c>*^</c>, merge <c>*v</c>, terminate <c>*-</c>, add <c>*+</c>, exchange <c>*x</c>. Each column keeps the
/// spine it came from and a sub-spine slot, so that a split spine becomes stable voices.
/// </summary>
internal sealed class KernSpineLayout(int maxSpines)
{
    private readonly List<string> _trackTypes = [];

    public List<KernColumn> Columns { get; private set; } = [];

    /// <summary>True once a spine has started and before every spine is terminated.</summary>
    public bool Active => Columns.Count > 0;

    public int TrackCount => _trackTypes.Count;

    /// <summary>True when any spine started was a <c>**kern</c> spine.</summary>
    public bool HasKern => _trackTypes.Contains("**kern");

    public bool IsKern(KernColumn column) => column.Track >= 0 && _trackTypes[column.Track] == "**kern";

    /// <summary>Starts spines from a line of exclusive interpretations (<c>**kern	**dynam</c>).</summary>
    public void Start(string[] tokens, Fraction now, int line)
    {
        CheckWidth(tokens.Length, line);
        Columns = tokens.Select(token => new KernColumn(NewTrack(token), 0, now)).ToList();
    }

    /// <summary>Applies an interpretation line: manipulators change the columns, exclusive interpretations start spines.</summary>
    public void Apply(string[] tokens, Fraction now, int line)
    {
        var next = new List<KernColumn>(Columns.Count + 4);
        for (var i = 0; i < tokens.Length; i++)
        {
            var column = Columns[i];
            switch (tokens[i])
            {
                case "*^":
                    next.Add(column);
                    next.Add(new KernColumn(column.Track, FreeSlot(column.Track, next, i + 1), column.End));
                    break;
                case "*v":
                    var merged = column;
                    while (i + 1 < tokens.Length && tokens[i + 1] == "*v")
                    {
                        i++;
                        merged = Merge(merged, Columns[i]);
                    }

                    next.Add(merged);
                    break;
                case "*-":
                    break;
                case "*+":
                    next.Add(column);
                    next.Add(new KernColumn(-1, 0, now));
                    break;
                case "*x" when i + 1 < tokens.Length && tokens[i + 1] == "*x":
                    next.Add(Columns[i + 1]);
                    next.Add(column);
                    i++;
                    break;
                case var token when token.StartsWith("**", StringComparison.Ordinal):
                    next.Add(new KernColumn(NewTrack(token), 0, now));
                    break;
                default:
                    next.Add(column);
                    break;
            }
        }

        CheckWidth(next.Count, line);
        Columns = next;
    }

    private int NewTrack(string exclusive)
    {
        _trackTypes.Add(exclusive);
        return _trackTypes.Count - 1;
    }

    /// <summary>The lowest slot of a spine that no column (already placed, or still to come) uses.</summary>
    private int FreeSlot(int track, List<KernColumn> placed, int from)
    {
        var used = placed.Concat(Columns.Skip(from)).Where(c => c.Track == track).Select(c => c.Slot).ToHashSet();
        var slot = 0;
        while (used.Contains(slot))
        {
            slot++;
        }

        return slot;
    }

    /// <summary>Merged columns keep the lower slot of one spine, and sound until the later of their ends.</summary>
    private static KernColumn Merge(KernColumn a, KernColumn b)
    {
        var kept = a.Track == b.Track && b.Slot < a.Slot ? b : a;
        kept.End = Fraction.Max(a.End, b.End);
        return kept;
    }

    private void CheckWidth(int width, int line)
    {
        if (width > maxSpines)
        {
            throw new ScoreReadException("kern.too-large", $"{width} spines are active (at most {maxSpines} allowed).", line: line);
        }
    }
}
