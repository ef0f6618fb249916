using Clamp.Contracts.Grpc;
using Clamp.Query.Tests.Support;
using Clamp.Testing;
using Google.Protobuf;
using Grpc.Core;

namespace Clamp.Query.Tests.Grpc;

/// <summary>
/// The query service's own logic (embedding the query, paging, filters, similarity, classification, errors)
/// over real gRPC and the real vector store, with the FAKE hashing embedder standing in for the model.
/// </summary>
public sealed class ScoreSearchWithFakeEmbedderTests(QueryStack stack) : IClassFixture<QueryStack>
{
    private ScoreSearch.ScoreSearchClient Client => stack.Client;

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        return error.StatusCode;
    }

    [Fact]
    public async Task Search_with_the_fake_embedder_finds_the_score_whose_text_was_embedded()
    {
        var target = stack.Stored[17];
        var response = await Client.SearchAsync(new SearchRequest { Query = target.Description, K = 5, Mode = SearchMode.Semantic });

        Assert.Equal(HashingFakeEmbedder.ModelVersion, response.ModelVersion);
        Assert.Equal(5, response.Hits.Count);
        Assert.Equal(target.Id.ToString(), response.Hits[0].ScoreId);
        Assert.Equal(1f, response.Hits[0].Score, 3);
        Assert.Equal("Tune 17", response.Hits[0].Title);
        Assert.Equal("reel", response.Hits[0].Type);
        Assert.All(response.Hits, hit => Assert.Equal(["music"], hit.Matched));
    }

    [Fact]
    public async Task A_query_searched_again_is_embedded_once_and_finds_the_same_scores()
    {
        var target = stack.Stored[11];
        var query = target.Description + ", searched twice";
        var first = await Client.SearchAsync(new SearchRequest { Query = query, K = 5, Mode = SearchMode.Semantic });
        var again = await Client.SearchAsync(new SearchRequest { Query = query, K = 5, Mode = SearchMode.Semantic });

        Assert.Equal(1, stack.FakeEmbedder.ReceivedTexts.Count(text => text == query));
        Assert.Equal(first.Hits.Select(h => (h.ScoreId, h.Score)), again.Hits.Select(h => (h.ScoreId, h.Score)));
    }

    [Fact]
    public async Task Label_prompts_are_embedded_once_across_classifications_and_only_new_ones_later()
    {
        const string template = "A {label}, classified twice";
        ClassifyRequest Request(params string[] labels) =>
            new() { ScoreId = stack.Stored[5].Id.ToString(), Labels = { labels }, Template = template };
        var first = await Client.ClassifyAsync(Request("jig", "reel"));
        var again = await Client.ClassifyAsync(Request("reel", "jig", "polka"));

        int Embedded(string label) => stack.FakeEmbedder.ReceivedTexts.Count(text => text == template.Replace("{label}", label));
        Assert.Equal([1, 1, 1], new[] { Embedded("jig"), Embedded("reel"), Embedded("polka") });
        Assert.Equal(first.Labels.Single(l => l.Label == "reel").Similarity, again.Labels.Single(l => l.Label == "reel").Similarity);
    }

    [Fact]
    public async Task Keyword_search_finds_a_title_and_says_why()
    {
        var response = await Client.SearchAsync(new SearchRequest { Query = "Tune 23", K = 3, Mode = SearchMode.Keyword });

        Assert.Equal(stack.Stored[23].Id.ToString(), response.Hits[0].ScoreId);
        Assert.Equal(["title"], response.Hits[0].Matched);
    }

    [Fact]
    public async Task Hybrid_search_is_the_default_and_fuses_both_rankings_by_weighted_reciprocal_rank()
    {
        const string query = "Tune 23";
        var hybrid = await Client.SearchAsync(new SearchRequest { Query = query, K = 100 });
        var semantic = await Client.SearchAsync(new SearchRequest { Query = query, K = 100, Mode = SearchMode.Semantic });
        var keyword = await Client.SearchAsync(new SearchRequest { Query = query, K = 100, Mode = SearchMode.Keyword });

        // The same fusion by hand, with the default options: w / (10 + rank) from each ranking a score is in, w = 1 for a
        // semantic hit and 2 * min(1, keyword score / 1.5)^2 for a keyword hit.
        var expected = semantic.Hits.Select((h, i) => (h.ScoreId, Rank: i + 1, Weight: 1.0))
            .Concat(keyword.Hits.Select((h, i) => (h.ScoreId, Rank: i + 1, Weight: 2 * Math.Pow(Math.Min(1.0, h.Score / 1.5), 2))))
            .GroupBy(p => p.ScoreId)
            .Select(g => (Id: g.Key, Score: g.Sum(p => p.Weight / (10 + p.Rank)), Best: g.Min(p => p.Rank)))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Best).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(p => p.Id), hybrid.Hits.Select(h => h.ScoreId));
        Assert.Equal(expected.Select(p => p.Score), hybrid.Hits.Select(h => (double)h.Score), (a, b) => Math.Abs(a - b) < 1e-6);
        var tune23 = hybrid.Hits.Single(h => h.ScoreId == stack.Stored[23].Id.ToString());
        Assert.Equal(["title", "music"], tune23.Matched);
    }

    [Fact]
    public async Task Search_pages_cover_every_score_once_and_the_last_page_has_no_token()
    {
        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var response = await Client.SearchAsync(new SearchRequest { Query = "a session tune", K = 7, PageToken = token });
            seen.AddRange(response.Hits.Select(h => h.ScoreId));
            token = response.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 20);

        Assert.Equal(6, pages);
        Assert.Equal(QueryStack.Scores, seen.Count);
        Assert.Equal(QueryStack.Scores, seen.Distinct().Count());
        var single = await Client.SearchAsync(new SearchRequest { Query = "a session tune", K = 21 });
        Assert.Equal(single.Hits.Select(h => h.ScoreId), seen.Take(21));
    }

    [Fact]
    public async Task The_largest_page_size_is_accepted()
    {
        var response = await Client.SearchAsync(new SearchRequest { Query = "everything", K = 100 });
        Assert.Equal(QueryStack.Scores, response.Hits.Count);
        Assert.Empty(response.NextPageToken);
    }

    [Fact]
    public async Task A_page_token_only_fits_the_query_it_came_from()
    {
        var first = await Client.SearchAsync(new SearchRequest { Query = "jigs", K = 5 });
        Assert.NotEmpty(first.NextPageToken);

        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.SearchAsync(new SearchRequest { Query = "reels", K = 5, PageToken = first.NextPageToken }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.SearchAsync(new SearchRequest { Query = "jigs", K = 5, PageToken = first.NextPageToken, Filter = new ScoreFilter { Keys = { "D major" } } }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.SearchAsync(new SearchRequest { Query = "jigs", K = 5, PageToken = "not-a-token" }).ResponseAsync));
    }

    [Fact]
    public async Task Search_filters_reach_the_vector_store()
    {
        var response = await Client.SearchAsync(new SearchRequest
        {
            Query = "anything",
            K = 20,
            Filter = new ScoreFilter { Collections = { "nottingham" }, Tags = { "session" } },
        });
        var expected = stack.Stored.Where(s => s.Row.Collection == "nottingham" && s.Row.Tags.Contains("session")).Select(s => s.Id.ToString());
        Assert.Equal(expected.Order(), response.Hits.Select(h => h.ScoreId).Order());
        Assert.Empty(response.NextPageToken);
    }

    [Fact]
    public async Task Bad_search_requests_are_invalid_arguments()
    {
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => Client.SearchAsync(new SearchRequest { Query = "  " }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => Client.SearchAsync(new SearchRequest { Query = "jig", K = 1000 }).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await StatusOf(() =>
            Client.SearchAsync(new SearchRequest { Query = "jig", ModelVersion = "7.7.7" }).ResponseAsync));
    }

    [Fact]
    public async Task Similar_returns_the_nearest_other_scores()
    {
        var target = stack.Stored[3];
        var response = await Client.SimilarAsync(new SimilarRequest { ScoreId = target.Id.ToString(), K = 10 });

        Assert.Equal(10, response.Hits.Count);
        Assert.DoesNotContain(target.Id.ToString(), response.Hits.Select(h => h.ScoreId));
        var expected = stack.Stored.Where(s => s.Id != target.Id)
            .OrderByDescending(s => s.Row.Embedding.Zip(target.Row.Embedding, (a, b) => (double)a * b).Sum())
            .Take(10).Select(s => s.Id.ToString());
        Assert.Equal(expected, response.Hits.Select(h => h.ScoreId));
    }

    [Fact]
    public async Task Similar_to_a_pasted_abc_fragment_or_an_uploaded_file_embeds_it_without_storing_it()
    {
        const string bars = "|:GAB cBA|GAB c2d|edc BAG|A3 D3:|";
        var fromFragment = await Client.SimilarAsync(new SimilarRequest { Abc = bars, K = 5 });
        var fromFile = await Client.SimilarAsync(new SimilarRequest
        {
            Uploaded = new UploadedScore { FileName = "tune.abc", Content = ByteString.CopyFromUtf8($"X:1\nL:1/8\nK:C\n{bars}\n") },
            K = 5,
        });

        Assert.Equal(5, fromFragment.Hits.Count);
        Assert.Equal(fromFile.Hits.Select(h => h.ScoreId), fromFragment.Hits.Select(h => h.ScoreId));
        Assert.All(fromFragment.Hits, hit => Assert.Equal(["music"], hit.Matched));
        var next = await Client.SimilarAsync(new SimilarRequest { Abc = bars, K = 5, PageToken = fromFragment.NextPageToken });
        Assert.Empty(next.Hits.Select(h => h.ScoreId).Intersect(fromFragment.Hits.Select(h => h.ScoreId)));
    }

    [Fact]
    public async Task Similar_to_an_unreadable_upload_or_nothing_is_invalid()
    {
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => Client.SimilarAsync(new SimilarRequest
        {
            Uploaded = new UploadedScore { FileName = "tune.mid", Content = ByteString.CopyFromUtf8("not a midi file") },
        }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => Client.SimilarAsync(new SimilarRequest()).ResponseAsync));
    }

    [Fact]
    public async Task Similar_to_an_unknown_or_malformed_score_is_not_found_or_invalid()
    {
        Assert.Equal(StatusCode.NotFound, await StatusOf(() =>
            Client.SimilarAsync(new SimilarRequest { ScoreId = Guid.NewGuid().ToString() }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.SimilarAsync(new SimilarRequest { ScoreId = "tune 3" }).ResponseAsync));
    }

    [Fact]
    public async Task Classify_a_stored_score_puts_the_label_whose_prompt_matches_first()
    {
        // Score 5 was stored with the fake vector of its description; the prompt template reproduces it for "reel".
        var target = stack.Stored[5];
        var response = await Client.ClassifyAsync(new ClassifyRequest
        {
            ScoreId = target.Id.ToString(),
            Labels = { "jig", "reel", "hornpipe", "waltz" },
            Template = HashingFakeEmbedder.PromptTemplate,
        });

        Assert.Equal(HashingFakeEmbedder.ModelVersion, response.ModelVersion);
        Assert.Equal(4, response.Labels.Count);
        Assert.Equal("reel", response.Labels[0].Label);
        Assert.Equal(1f, response.Labels[0].Similarity, 3);
        Assert.Equal(1.0, response.Labels.Sum(l => (double)l.Probability), 4);
        Assert.True(response.Labels.Zip(response.Labels.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
    }

    [Fact]
    public async Task Classify_without_a_template_uses_the_prompt_of_the_models_manifest()
    {
        var response = await Client.ClassifyAsync(new ClassifyRequest
        {
            ScoreId = stack.Stored[5].Id.ToString(),
            Labels = { "jig", "reel", "hornpipe", "waltz" },
        });

        Assert.Equal("reel", response.Labels[0].Label);
        Assert.Equal(1f, response.Labels[0].Similarity, 3);
    }

    [Fact]
    public async Task Classify_an_uploaded_abc_score_patches_it_with_the_models_scheme()
    {
        const string abc = """
            X:1
            T:Test Jig
            M:6/8
            L:1/8
            K:D
            |:A|dfd dfd|ecA ABc|dfd dfd|ecA A2:|
            """;
        var response = await Client.ClassifyAsync(new ClassifyRequest
        {
            Uploaded = new UploadedScore { FileName = "test.abc", Content = ByteString.CopyFromUtf8(abc) },
            Labels = { "jig", "reel" },
        });

        Assert.Equal(2, response.Labels.Count);
        Assert.Equal(1.0, response.Labels.Sum(l => (double)l.Probability), 4);
        var sent = stack.FakeEmbedder.ReceivedScores.Last();
        Assert.Equal("clamp1", sent.PatchScheme);
        Assert.Equal(64, sent.PatchLength);
        Assert.True(sent.PatchCount >= 2, "the tune's bars and the end patch");
        Assert.Equal(sent.PatchCount * sent.PatchLength, sent.Patches.Length);
        Assert.DoesNotContain("Test Jig", System.Text.Encoding.ASCII.GetString(sent.Patches.Select(b => (byte)(b + 31)).ToArray()));
    }

    [Fact]
    public async Task Bad_classify_requests_are_invalid_arguments()
    {
        var id = stack.Stored[0].Id.ToString();
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.ClassifyAsync(new ClassifyRequest { ScoreId = id }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.ClassifyAsync(new ClassifyRequest { ScoreId = id, Labels = { "jig", "jig" } }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.ClassifyAsync(new ClassifyRequest { ScoreId = id, Labels = { "jig" }, Template = "no placeholder" }).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() =>
            Client.ClassifyAsync(new ClassifyRequest { Labels = { "jig" } }).ResponseAsync));
        var unreadable = await Assert.ThrowsAsync<RpcException>(() => Client.ClassifyAsync(new ClassifyRequest
        {
            Uploaded = new UploadedScore { FileName = "notes.pdf", Content = ByteString.CopyFromUtf8("%PDF-1.4 not music") },
            Labels = { "jig" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, unreadable.StatusCode);
        Assert.Contains("cannot be read", unreadable.Status.Detail);
    }

    [Fact]
    public async Task The_callers_deadline_reaches_the_embedding_service()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SearchAsync(
            new SearchRequest { Query = "slow: deadline test" }, deadline: DateTime.UtcNow.AddMilliseconds(500)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await Eventually.TrueAsync(
            () => Task.FromResult(stack.FakeEmbedder.CancelledTexts.Contains("slow: deadline test")),
            "the embedding call cancelled", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Search_is_unavailable_when_the_embedding_service_is_down()
    {
        await using var query = await stack.StartQueryAsync(new Uri($"http://127.0.0.1:{Clamp.Testing.FreeTcpPort.Next()}"));
        var client = new ScoreSearch.ScoreSearchClient(query.Calls);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SearchAsync(new SearchRequest { Query = "jig" }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("embedding service", error.Status.Detail);
    }
}
