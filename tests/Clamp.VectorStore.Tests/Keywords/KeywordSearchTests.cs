using MassTransit;
using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Tests.Support;
using Grpc.Core;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.VectorStore.Tests.Keywords;

/// <summary>
/// Keyword search through the real gRPC API over real PostgreSQL (unaccent, pg_trgm), with the documents written by
/// the "score embedded" consumer from messages on real RabbitMQ, as the pipeline writes them.
/// </summary>
public sealed class KeywordSearchTests(KeywordCatalogue catalogue) : IClassFixture<KeywordCatalogue>
{
    private const string Version = KeywordCatalogue.Version;
    private const string OtherVersion = "2.0.0-keywords";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private VectorStoreClient Client => catalogue.Client;

    private async Task<IReadOnlyList<ScoreHit>> SearchAsync(string query, ScoreFilter? filter = null, string version = Version, int k = 10) =>
        (await Client.KeywordAsync(new KeywordRequest { Query = query, K = k, Filter = filter, ModelVersion = version, Tenants = { Tenants.Default } })).Hits;

    private string NameOf(ScoreHit hit) => catalogue.Ids.Single(pair => pair.Value.ToString() == hit.ScoreId).Key;

    [Theory]
    [InlineData("Standchen", "schubert")]
    [InlineData("ständchen", "schubert")]
    [InlineData("chant d'automne", "gounod")]
    [InlineData("CHANT D AUTOMNE", "gounod")]
    public async Task Accents_and_case_do_not_matter(string query, string expected)
    {
        var hits = await SearchAsync(query);
        Assert.Equal(expected, NameOf(hits[0]));
        Assert.Contains("title", hits[0].Matched);
    }

    [Theory]
    [InlineData("Chant d'autom", "gounod")]
    [InlineData("drowsy mag", "maggie")]
    [InlineData("Morris", "morrison")]
    public async Task A_partial_title_finds_the_score(string query, string expected) =>
        Assert.Equal(expected, NameOf((await SearchAsync(query))[0]));

    [Theory]
    [InlineData("Drowsey Magie", "maggie")]
    [InlineData("salley gardns", "sally")]
    [InlineData("Standchenn", "schubert")]
    public async Task A_title_with_typos_is_still_found_first(string query, string expected)
    {
        var hits = await SearchAsync(query);
        Assert.Equal(expected, NameOf(hits[0]));
        Assert.Contains("title", hits[0].Matched);
    }

    [Fact]
    public async Task Lyrics_find_the_song_and_say_so()
    {
        var hits = await SearchAsync("leise flehen meine Lieder");
        Assert.Equal("schubert", NameOf(hits[0]));
        Assert.Equal(["lyrics"], hits[0].Matched);
    }

    [Fact]
    public async Task People_collection_and_alternative_titles_are_searched_and_named()
    {
        var baudelaire = Assert.Single(await SearchAsync("Baudelaire"));
        Assert.Equal("gounod", NameOf(baudelaire));
        Assert.Equal(["lyricist"], baudelaire.Matched);
        var melodies = Assert.Single(await SearchAsync("melodies"));
        Assert.Equal("gounod", NameOf(melodies));
        Assert.Equal(["collection"], melodies.Matched);
        var hob = await SearchAsync("stick across the hob");
        Assert.Equal("morrison", NameOf(hob[0]));
        Assert.Contains("title", hob[0].Matched);
    }

    [Fact]
    public async Task A_query_that_mixes_a_title_with_description_ranks_the_title_first()
    {
        // Only "autumn" and "leaves" are in any document; the title weighs more than the notes that say "French".
        var hits = await SearchAsync("a slow French jazz ballad, Autumn Leaves, in a minor key");
        Assert.Equal("leaves", NameOf(hits[0]));
        Assert.Equal(["title", "tags", "notes"], hits[0].Matched);
    }

    [Fact]
    public async Task Titles_rank_above_notes_for_the_same_word()
    {
        var hits = await SearchAsync("jig");
        Assert.Equal(["morrison", "untitled"], hits.Select(NameOf).Take(2));
        Assert.Equal(["title", "type"], hits[0].Matched);
    }

    [Fact]
    public async Task Filters_and_paging_apply_to_keyword_results()
    {
        var irish = await SearchAsync("ireland", new ScoreFilter { Types_ = { "reel", "air" } });
        Assert.Equal(["maggie", "sally"], irish.Select(NameOf).Order());

        var all = await SearchAsync("ireland");
        var second = await Client.KeywordAsync(new KeywordRequest { Query = "ireland", K = 2, Offset = 1, ModelVersion = Version, Tenants = { Tenants.Default } });
        Assert.Equal(all.Skip(1).Take(2).Select(h => h.ScoreId), second.Hits.Select(h => h.ScoreId));
    }

    [Fact]
    public async Task Only_scores_of_the_searched_version_are_found()
    {
        var onlyInOther = Guid.NewGuid();
        await catalogue.Bus.Bus.Publish(Embedded.Score(onlyInOther, catalogue.Vectors.Next(), OtherVersion, new ScoreMetadata { Title = "Kesh Jig" }));
        await catalogue.DocumentsWrittenAsync([onlyInOther]);

        Assert.DoesNotContain(await SearchAsync("kesh"), hit => hit.ScoreId == onlyInOther.ToString());
        Assert.Equal(onlyInOther.ToString(), (await SearchAsync("kesh", version: OtherVersion))[0].ScoreId);
    }

    [Fact]
    public async Task A_deleted_score_leaves_keyword_results()
    {
        var doomed = Guid.NewGuid();
        await catalogue.Bus.Bus.Publish(Embedded.Score(doomed, catalogue.Vectors.Next(), Version, new ScoreMetadata { Title = "The Butterfly", Type = "slip jig" }));
        await Eventually.TrueAsync(async () => (await SearchAsync("butterfly")).Any(h => h.ScoreId == doomed.ToString()), "found by title", Wait);

        await catalogue.Bus.Bus.Publish(new ScoreDeleted { ScoreId = doomed });

        await Eventually.TrueAsync(async () => (await SearchAsync("butterfly")).Count == 0, "gone from keyword results", Wait);
        // The consumer deletes the embeddings (which already hides the score), then the document: wait for both.
        await Eventually.TrueAsync(async () =>
            await catalogue.Database.ScalarAsync<long>($"SELECT count(*) FROM score_documents WHERE score_id = '{doomed}'") == 0,
            "its keyword document deleted", Wait);
    }

    [Fact]
    public async Task Queries_without_words_find_nothing_and_bad_requests_are_invalid()
    {
        Assert.Empty(await SearchAsync("!!! ??? ..."));
        Assert.Empty(await SearchAsync("the and of"));
        var empty = await Assert.ThrowsAsync<RpcException>(() => Client.KeywordAsync(new KeywordRequest { Query = "  " }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => Client.KeywordAsync(new KeywordRequest { Query = new string('a', 5000) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
    }

    [Fact]
    public async Task Tsquery_syntax_in_a_query_is_just_text()
    {
        var hits = await SearchAsync("drowsy & !maggie | ('<->' :* \\");
        Assert.Equal("maggie", NameOf(hits[0]));
    }

    [Fact]
    public async Task Scores_indexed_before_keyword_search_get_their_documents_at_start_up()
    {
        var legacy = Guid.NewGuid();
        await catalogue.Database.LoadAsync(Version, 8,
            [new EmbeddingRow(legacy, "legacy", catalogue.Vectors.Next(), "legacy", null, null, "hornpipe", [], "The Old Favourite", null, Tenants.Default)]);
        Assert.Empty(await SearchAsync("old favourite"));

        await using (await VectorStoreTestHost.StartAsync(catalogue.Infrastructure))
        {
            var hit = Assert.Single(await SearchAsync("old favourite"));
            Assert.Equal(legacy.ToString(), hit.ScoreId);
            Assert.Equal(["title"], hit.Matched);
        }
    }

    [Fact]
    public async Task A_title_of_common_words_inside_a_description_counts_less_than_a_distinctive_one()
    {
        // A hundred sonata titles share "major", so "The Major" is no name when a description says "in D major";
        // "Jackson's Morning Brush" is in one title only and counts in full when a description quotes it.
        const string version = "1.0.0-common-titles";
        var scores = Enumerable.Range(1, 100).Select(n => new ScoreMetadata { Title = $"Sonata No. {n} in D major" })
            .Append(new ScoreMetadata { Title = "The Major", Type = "jig" })
            .Append(new ScoreMetadata { Title = "Jackson's Morning Brush", Type = "jig" })
            .ToDictionary(_ => Guid.NewGuid());
        await catalogue.Bus.Bus.PublishBatch(scores.Select(s => Embedded.Score(s.Key, catalogue.Vectors.Next(), version, s.Value)));
        await catalogue.DocumentsWrittenAsync(scores.Keys.ToList());
        string TitleOf(ScoreHit hit) => scores[Guid.Parse(hit.ScoreId)].Title ?? "";

        var described = await SearchAsync("It is in 6/8 time. The key is D major. The tempo is lively.", version: version, k: 200);
        var major = Assert.Single(described, hit => TitleOf(hit) == "The Major");
        var quoted = (await SearchAsync("A lively tune in 6/8 and D major called Jackson's Morning Brush.", version: version))[0];

        Assert.Equal("Jackson's Morning Brush", TitleOf(quoted));
        Assert.True(quoted.Score >= 1.0, $"a quoted distinctive title is a full title match (score {quoted.Score})");
        Assert.True(major.Score < 0.5, $"a title of one common word inside a description is a weak match (score {major.Score})");
    }
}
