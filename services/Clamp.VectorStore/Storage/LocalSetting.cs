using Npgsql;

namespace Clamp.VectorStore.Storage;

internal static class LocalSetting
{
    /// <summary>A batch command that sets a configuration parameter for the current transaction only.</summary>
    public static NpgsqlBatchCommand Of(string name, string value) => new("SELECT set_config($1, $2, true)")
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = name },
            new NpgsqlParameter<string> { TypedValue = value },
        },
    };
}
