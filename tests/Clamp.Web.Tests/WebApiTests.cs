using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clamp.Testing;
using Clamp.Web.Tests.Support;

namespace Clamp.Web.Tests;

/// <summary>The page's JSON API against the real platform: uploads, status, search, notation, similar scores,
/// classification, the API key passed on, and clear answers when a service is down or a request is wrong.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class WebApiTests(WebPlatform platform)
{
    private static readonly JsonSerializerOptions Json = WebPlatform.Json;

    private async Task<IReadOnlyList<Guid>> HornpipesAsync() =>
        await platform.UploadAndWaitAsync("hornpipes.abc", SampleTunes.First("hornpipes.abc", 3), ("collection", "nottingham"), ("type", "hornpipe"));

    [Fact]
    public async Task An_uploaded_tune_is_indexed_and_found_by_its_title_in_every_search_mode()
    {
        var ids = await HornpipesAsync();
        var first = await platform.Client.GetFromJsonAsync<JsonElement>($"api/scores/{ids[0]}", Json);
        var title = first.GetProperty("metadata").GetProperty("title").GetString()!;

        foreach (var mode in new[] { "hybrid", "keyword" })
        {
            var page = await platform.Client.GetFromJsonAsync<JsonElement>($"api/search?q={Uri.EscapeDataString(title)}&mode={mode}&k=5", Json);
            var top = page.GetProperty("hits")[0];
            Assert.Equal(ids[0].ToString(), top.GetProperty("id").GetString());
            Assert.Equal(title, top.GetProperty("title").GetString());
            Assert.Contains("title", top.GetProperty("matched").EnumerateArray().Select(m => m.GetString()));
        }
        var semantic = await platform.Client.GetFromJsonAsync<JsonElement>("api/search?q=a+hornpipe&mode=semantic&k=5&type=hornpipe", Json);
        Assert.Equal(3, semantic.GetProperty("hits").GetArrayLength());
        Assert.All(semantic.GetProperty("hits").EnumerateArray(), hit => Assert.Equal("hornpipe", hit.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task The_notation_of_an_ABC_score_is_its_ABC_and_of_a_MusicXML_score_its_conversion()
    {
        var abcIds = await HornpipesAsync();
        var xml = await UploadAsync("bwv67.4.xml", SampleTunes.Copied("bwv67.4.xml"));

        var abc = await platform.Client.GetFromJsonAsync<JsonElement>($"api/scores/{abcIds[0]}/notation", Json);
        var converted = await platform.Client.GetFromJsonAsync<JsonElement>($"api/scores/{xml}/notation", Json);

        Assert.Equal(("abc", false), (abc.GetProperty("format").GetString(), abc.GetProperty("converted").GetBoolean()));
        Assert.StartsWith("X:", abc.GetProperty("abc").GetString());
        Assert.Equal(("musicxml", true, "bwv67.4.xml"),
            (converted.GetProperty("format").GetString(), converted.GetProperty("converted").GetBoolean(), converted.GetProperty("fileName").GetString()));
        Assert.Matches("(?m)^K:", converted.GetProperty("abc").GetString());
        Assert.Matches("(?m)^V:1", converted.GetProperty("abc").GetString());
    }

    [Fact]
    public async Task A_score_that_cannot_be_converted_has_no_notation_and_says_why()
    {
        var empty = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><score-partwise version=\"4.0\"><!-- {Guid.NewGuid()} --></score-partwise>");
        var id = await UploadAsync("empty.musicxml", empty);

        var response = await platform.Client.GetAsync($"api/scores/{id}/notation");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("notation.unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("musicxml.empty", problem.GetProperty("readerCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Client.GetAsync($"api/scores/{Guid.NewGuid()}/notation")).StatusCode);
    }

    [Fact]
    public async Task Similar_scores_are_the_other_indexed_scores_and_not_the_score_itself()
    {
        var ids = await HornpipesAsync();

        var page = await platform.Client.GetFromJsonAsync<JsonElement>($"api/scores/{ids[0]}/similar?k=10", Json);

        var found = page.GetProperty("hits").EnumerateArray().Select(hit => Guid.Parse(hit.GetProperty("id").GetString()!)).ToList();
        Assert.Superset(ids.Skip(1).ToHashSet(), found.ToHashSet());
        Assert.DoesNotContain(ids[0], found);
    }

    [Fact]
    public async Task Classification_ranks_the_typed_labels_most_probable_first()
    {
        var ids = await HornpipesAsync();

        var response = await platform.Client.PostAsJsonAsync($"api/scores/{ids[0]}/classify", new { labels = new[] { "hornpipe", " waltz ", "reel", "waltz" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var labels = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("labels").EnumerateArray().ToList();
        Assert.Equal(["hornpipe", "reel", "waltz"], labels.Select(l => l.GetProperty("label").GetString()).Order());
        var probabilities = labels.Select(l => l.GetProperty("probability").GetDouble()).ToList();
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.Equal(1.0, probabilities.Sum(), 3);
    }

    [Theory]
    [InlineData("api/search", "q")]
    [InlineData("api/search?q=jig&mode=loudest", "mode")]
    [InlineData("api/search?q=jig&k=0", "k")]
    [InlineData("api/search?q=jig&k=51", "k")]
    public async Task A_wrong_search_is_400_naming_the_field(string path, string field)
    {
        var response = await platform.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Classifying_against_fewer_than_two_labels_is_400()
    {
        var response = await platform.Client.PostAsJsonAsync($"api/scores/{Guid.NewGuid()}/classify", new { labels = new[] { "jig", " JIG " } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("labels", out _));
    }

    [Fact]
    public async Task The_caller_s_API_key_is_passed_on_to_the_ingest_API_and_the_query_service()
    {
        using var anonymous = platform.NewClient(apiKey: null);
        using var wrongKey = platform.NewClient("not-a-key");
        using var other = platform.NewClient(TestCredentials.OtherTenantKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/scores/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.PostAsync("api/scores", Upload("x.abc", SampleTunes.First("reels.abc", 1)))).StatusCode);
        await other.GetAsync("api/search?q=a+reel");
        await other.GetAsync($"api/scores/{Guid.NewGuid()}/similar");

        Assert.Contains(platform.QueryKeys.Calls, call => call == ("/clamp.v1.ScoreSearch/Search", TestCredentials.OtherTenantKey));
        Assert.Contains(platform.QueryKeys.Calls, call => call == ("/clamp.v1.ScoreSearch/Similar", TestCredentials.OtherTenantKey));
    }

    [Fact]
    public async Task A_platform_service_that_is_down_is_503_with_a_reason_code()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        using var client = platform.NewClient(WebPlatform.ApiKey, await platform.StartWebAsync(nowhere, nowhere));

        var search = await client.GetAsync("api/search?q=a+jig");
        var status = await client.GetAsync($"api/scores/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "query.unavailable"), (search.StatusCode, await CodeAsync(search)));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "ingest.unavailable"), (status.StatusCode, await CodeAsync(status)));
    }

    [Fact]
    public async Task The_page_and_its_notation_library_are_served_from_the_service_with_a_strict_content_policy()
    {
        using var client = platform.NewClient(apiKey: null);

        var page = await client.GetAsync("/");
        var library = await client.GetAsync("lib/abcjs-basic-min.js");
        var app = await client.GetAsync("js/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<label for=\"query\">Search scores</label>", await page.Content.ReadAsStringAsync());
        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", string.Join("", page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("ABCJS", await library.Content.ReadAsStringAsync());
        Assert.Equal("text/javascript", app.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_player_s_note_samples_are_made_by_the_service()
    {
        using var client = platform.NewClient(apiKey: null);

        var note = await client.GetAsync("sounds/acoustic_grand_piano-mp3/Bb3.mp3");
        var notANote = await client.GetAsync("sounds/acoustic_grand_piano-mp3/H9.mp3");

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal("audio/wav", note.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("RIFF", Encoding.ASCII.GetString((await note.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.NotFound, notANote.StatusCode);
    }

    private async Task<Guid> UploadAsync(string fileName, byte[] content)
    {
        var response = await platform.Client.PostAsync("api/scores", Upload(fileName, content));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] content) =>
        new() { { new ByteArrayContent(content), "file", fileName } };

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("code").GetString();
}
