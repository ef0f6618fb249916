namespace Clamp.Inference.Encoders;

/// <summary>One score's patches cannot be embedded by a model; <see cref="Code"/> is machine-readable
/// ("patches.shape", "patches.id", "model.mismatch" …) and the message says why.</summary>
public sealed class InvalidPatchesException(string code, string message) : Exception(message)
{
    public const string ShapeCode = "patches.shape";
    public const string IdCode = "patches.id";
    public const string ModelMismatchCode = "model.mismatch";

    public string Code { get; } = code;
}
