namespace Clamp.Inference.Manifest;

/// <summary>A model directory that cannot be served: unreadable manifest, missing file, or a model that does not
/// match its manifest or what the caller expects. <see cref="Problems"/> lists every problem found.</summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException(string directory, IReadOnlyList<string> problems, Exception? inner = null)
        : base($"The model in {directory} is refused: {string.Join("; ", problems)}", inner)
    {
        Directory = directory;
        Problems = problems;
    }

    public string Directory { get; }

    public IReadOnlyList<string> Problems { get; }
}
