using System.ComponentModel.DataAnnotations;

namespace Clamp.Music;

/// <summary>Limits on what <see cref="ScoreImporter"/> accepts (configuration section <see cref="SectionName"/>).</summary>
public sealed class ScoreImportOptions
{
    public const string SectionName = "ScoreImport";

    /// <summary>The largest file accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxInputBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The most tunes read from one file; the rest fail with a clear error and are not read at all.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTunes { get; set; } = 20_000;

    /// <summary>
    /// Work units (characters read or written, XML elements, MIDI events, bars written) every score may spend whatever
    /// its size; see <see cref="ParseBudget"/>.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long ParseWorkAllowance { get; set; } = 4_000_000;

    /// <summary>Work units a score may spend per byte of its file, on top of <see cref="ParseWorkAllowance"/>: reading stays linear in the input.</summary>
    [Range(1, 1_000_000)]
    public int ParseWorkPerInputByte { get; set; } = 16;

    /// <summary>The most bytes reading one score may allocate (all allocations, not only what stays alive).</summary>
    [Range(1, long.MaxValue)]
    public long MaxParseAllocatedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The longest reading one score may take: the outer guard behind the work count.</summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A new budget for reading a file of <paramref name="inputLength"/> bytes under these limits.</summary>
    public ParseBudget BudgetFor(long inputLength) =>
        new(ParseWorkAllowance + (long)ParseWorkPerInputByte * Math.Max(0, inputLength), MaxParseAllocatedBytes, ParseTimeout);

    /// <summary>The budget of a reader called directly, with the default limits.</summary>
    internal static ParseBudget DefaultBudgetFor(long inputLength) => Default.BudgetFor(inputLength);

    private static ScoreImportOptions Default { get; } = new();
}
