namespace Clamp.Embedding.Models;

/// <summary>A request named a model version that is not loaded (or no model is loaded at all).</summary>
public sealed class ModelNotLoadedException(string message) : Exception(message)
{
    public const string Code = "model.not-loaded";
}
