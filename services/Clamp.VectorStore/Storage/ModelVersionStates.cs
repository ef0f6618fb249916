namespace Clamp.VectorStore.Storage;

/// <summary>Life cycle of a model version's index: built in the background, then serving searches, then retired.</summary>
public static class ModelVersionStates
{
    public const string Building = "building";
    public const string Serving = "serving";
    public const string Retired = "retired";
}
