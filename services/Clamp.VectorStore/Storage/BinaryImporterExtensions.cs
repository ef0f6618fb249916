using Npgsql;
using NpgsqlTypes;

namespace Clamp.VectorStore.Storage;

internal static class BinaryImporterExtensions
{
    /// <summary>Writes a text column, or NULL.</summary>
    public static async Task WriteTextOrNullAsync(this NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is null) await writer.WriteNullAsync(cancellationToken);
        else await writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
    }
}
