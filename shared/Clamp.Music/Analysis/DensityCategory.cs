namespace Clamp.Music.Analysis;

/// <summary>How many notes a bar holds, in words.</summary>
public enum DensityCategory
{
    /// <summary>Fewer than 4 notes per bar.</summary>
    Sparse,

    /// <summary>4 to 8 notes per bar.</summary>
    Moderate,

    /// <summary>More than 8 notes per bar.</summary>
    Dense,
}

/// <summary>Finds the <see cref="DensityCategory"/> of a number of notes per bar.</summary>
public static class DensityCategories
{
    public static DensityCategory From(double notesPerBar) => notesPerBar switch
    {
        < 4 => DensityCategory.Sparse,
        <= 8 => DensityCategory.Moderate,
        _ => DensityCategory.Dense,
    };
}
