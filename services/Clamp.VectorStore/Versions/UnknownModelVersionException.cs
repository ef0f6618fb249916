namespace Clamp.VectorStore.Versions;

/// <summary>A search names a model version the store does not have (or no version serves yet).</summary>
public sealed class UnknownModelVersionException(string message) : Exception(message);
