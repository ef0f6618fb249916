using MassTransit;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.VectorStore.Tests.Keywords;

/// <summary>
/// A vector store on its own database and virtual host, with a small hand-made catalogue (art songs, folk tunes, a
/// jazz standard) indexed once through the bus, as the pipeline indexes scores.
/// </summary>
public sealed class KeywordCatalogue : IAsyncLifetime
{
    public const string Version = "1.0.0";
    private const int Dimension = 8;

    public static readonly IReadOnlyDictionary<string, ScoreMetadata> Scores = new Dictionary<string, ScoreMetadata>
    {
        ["gounod"] = new()
        {
            Title = "Chant d'automne", Composer = "Charles Gounod", Lyricist = "Charles Baudelaire", Collection = "6 Mélodies",
            Lyrics = "Bientôt nous plongerons dans les froides ténèbres\nAdieu, vive clarté de nos étés trop courts",
        },
        ["schubert"] = new()
        {
            Title = "Ständchen", Composer = "Franz Schubert", Lyricist = "Ludwig Rellstab", Collection = "Schwanengesang",
            Lyrics = "Leise flehen meine Lieder durch die Nacht zu dir",
        },
        ["sally"] = new()
        {
            Title = "The Salley Gardens", Origin = "Ireland", Type = "air", Lyricist = "W. B. Yeats",
            Lyrics = "Down by the salley gardens my love and I did meet",
        },
        ["maggie"] = new() { Title = "Drowsy Maggie", Type = "reel", Origin = "Ireland", Collection = "O'Neill's Music of Ireland" },
        ["morrison"] = new() { Title = "Morrison's Jig", AlternativeTitles = ["Stick Across the Hob"], Type = "jig", Origin = "Ireland" },
        ["leaves"] = new() { Title = "Autumn Leaves", Composer = "Joseph Kosma", Tags = ["jazz", "standard"], Notes = "A jazz standard, after the French song." },
        ["untitled"] = new() { Type = "jig", Notes = "A jig from a session in Doolin." },
    };

    private readonly IsolatedInfrastructure infrastructure = new();
    private InProcessGrpcHost host = null!;

    /// <summary>The database and virtual host, for a second vector store on the same data.</summary>
    public IsolatedInfrastructure Infrastructure => infrastructure;

    public IReadOnlyDictionary<string, Guid> Ids { get; } = Scores.Keys.ToDictionary(name => name, _ => Guid.NewGuid());
    public UnitVectors Vectors { get; } = new(Dimension, seed: 11);
    public VectorStoreClient Client { get; private set; } = null!;
    public MessageProbe Bus { get; private set; } = null!;
    public VectorStoreDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        host = await VectorStoreTestHost.StartAsync(infrastructure);
        Client = new VectorStoreClient(host.Calls);
        Database = new VectorStoreDatabase(host.Services);
        Bus = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost).Record<ScoreIndexed>().StartAsync();
        await Bus.Bus.PublishBatch(Scores.Select(entry => Embedded.Score(Ids[entry.Key], Vectors.Next(), Version, entry.Value)));
        await DocumentsWrittenAsync(Ids.Values.ToList());
    }

    /// <summary>
    /// Waits until the keyword documents of <paramref name="ids"/> exist: the "score embedded" consumer writes a score's
    /// embedding first and its document after, so a counted embedding row does not yet mean a searchable document.
    /// </summary>
    public async Task DocumentsWrittenAsync(IReadOnlyCollection<Guid> ids)
    {
        var list = string.Join(", ", ids.Select(id => $"'{id}'"));
        await Eventually.TrueAsync(async () =>
            await Database.ScalarAsync<long>($"SELECT count(*) FROM score_documents WHERE score_id IN ({list})") == ids.Count,
            "the keyword documents written", TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await host.DisposeAsync();
        await infrastructure.DisposeAsync();
    }
}
