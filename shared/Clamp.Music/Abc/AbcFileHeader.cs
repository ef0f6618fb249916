namespace Clamp.Music.Abc;

/// <summary>
/// The fields of a file's header (the lines before the first <c>X:</c>), read once per file; they apply to every tune,
/// and <see cref="Length"/> (their characters) is what each tune pays from its <see cref="ParseBudget"/> for its copy.
/// </summary>
internal sealed record AbcFileHeader(IReadOnlyList<AbcField> Fields)
{
    public int Length { get; } = Fields.Sum(f => f.Value.Length + 2);

    public static AbcFileHeader Read(string text, ReadOnlySpan<AbcLine> lines)
    {
        var fields = new List<AbcField>();
        foreach (var line in lines)
        {
            if (AbcField.TryRead(line.In(text), out var field) && field.Name != '+')
            {
                fields.Add(field);
            }
        }

        return new AbcFileHeader(fields);
    }
}
