using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clamp.VectorStore.Tests.Support;

/// <summary>Looks into the vector store's database of a hosted service, to check what the pipeline did.</summary>
public sealed class VectorStoreDatabase(IServiceProvider services)
{
    public ModelVersionRepository Versions => services.GetRequiredService<ModelVersionRepository>();
    public EmbeddingWriter Writer => services.GetRequiredService<EmbeddingWriter>();
    private NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();

    public async Task<long> CountRowsAsync(string modelVersion, Guid? scoreId = null)
    {
        var version = await Versions.FindAsync(modelVersion, CancellationToken.None);
        if (version is null) return 0;
        await using var command = DataSource.CreateCommand(
            $"SELECT count(*) FROM {version.TableName}" + (scoreId is null ? "" : " WHERE score_id = $1"));
        if (scoreId is { } id) command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    /// <summary>Loads keyword documents straight through their writer (no bus): for search tests.</summary>
    public Task LoadDocumentsAsync(IReadOnlyCollection<ScoreDocument> documents) =>
        services.GetRequiredService<ScoreDocumentWriter>().UpsertAsync(documents, CancellationToken.None);

    /// <summary>Registers a version and loads rows straight through the writer (no bus): for search tests.</summary>
    public async Task<ModelVersionRecord> LoadAsync(string modelVersion, int dimension, IReadOnlyCollection<EmbeddingRow> rows)
    {
        var version = await Versions.EnsureAsync(Embedded.ModelId, modelVersion, dimension, CancellationToken.None);
        foreach (var chunk in rows.Chunk(1000))
            await Writer.UpsertAsync(version, chunk, CancellationToken.None);
        return (await Versions.FindAsync(modelVersion, CancellationToken.None))!;
    }
}
