using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Clamp.Contracts.Messages;
using Clamp.Ingest.Api;

namespace Clamp.Ingest.Tests;

/// <summary>POST /v1/scores, GET and DELETE over the real service, PostgreSQL and RabbitMQ.</summary>
public sealed class ScoreUploadTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Fact]
    public async Task An_upload_is_stored_then_announced_with_its_content_and_metadata()
    {
        var content = TestScores.UniqueTune();
        var (response, body) = await host.UploadAsync("tune.abc", content,
            ("title", "My jig"), ("composer", "Trad."), ("tags", "session, dance"), ("tags", "folk"), ("extra.region", "Nottingham"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/scores/{body.Id}", response.Headers.Location?.ToString());
        Assert.False(body.Duplicate);

        var stored = await host.GetScoreAsync(body.Id);
        Assert.NotNull(stored);
        Assert.Equal("received", stored.Status);
        Assert.Equal(Clamp.Testing.TestCredentials.Tenant, stored.Tenant);
        Assert.Equal(ScoreFormat.Abc, stored.Format);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.ContentHash);
        Assert.Equal(content.Length, stored.SizeBytes);

        var announced = await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == body.Id);
        Assert.Equal(content, announced.Content);
        Assert.Equal(stored.ContentHash, announced.ContentHash);
        Assert.Equal("tune.abc", announced.FileName);
        Assert.Equal("My jig", announced.Metadata.Title);
        Assert.Equal("Trad.", announced.Metadata.Composer);
        Assert.Equal(["session", "dance", "folk"], announced.Metadata.Tags);
        Assert.Equal("Nottingham", announced.Metadata.Extra["region"]);
        Assert.Equal(Clamp.Testing.TestCredentials.Tenant, announced.Tenant);
        Assert.Null(announced.TargetModelVersion);
    }

    [Fact]
    public async Task Alternative_titles_credits_notes_and_lyrics_are_announced_in_their_fields()
    {
        var lyrics = string.Join("\n", Enumerable.Repeat("Oh! viens, la fleur déjà fanée meurt sous le regard du soleil,", 200));
        var (_, body) = await host.UploadAsync("song.abc", TestScores.UniqueTune(),
            ("alternativeTitles", "Autumn Song, The"), ("alt_title", "Herbstlied"), ("lyricist", " Anonymous "), ("arranger", "Clara Faisst"),
            ("notes", "No. 4 of 6 Mélodies"), ("lyrics", lyrics));

        var announced = await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == body.Id);
        Assert.Equal(["Autumn Song, The", "Herbstlied"], announced.Metadata.AlternativeTitles);
        Assert.Equal(("Anonymous", "Clara Faisst", "No. 4 of 6 Mélodies"), (announced.Metadata.Lyricist, announced.Metadata.Arranger, announced.Metadata.Notes));
        Assert.Equal(lyrics, announced.Metadata.Lyrics);
    }

    [Fact]
    public async Task A_metadata_field_over_its_limit_is_refused_with_400()
    {
        var response = await host.Client.PostAsync("v1/scores", IngestHost.Form("song.abc", TestScores.UniqueTune(), ("lyricist", new string('x', 1_001))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("upload.metadata-too-long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_content_uploaded_twice_is_one_score_announced_once()
    {
        var content = TestScores.UniqueTune();
        var (_, first) = await host.UploadAsync("a.abc", content);
        var (secondResponse, second) = await host.UploadAsync("b.abc", content, ("title", "other title"));

        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1L, await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores WHERE content_hash = $1",
            Convert.ToHexStringLower(SHA256.HashData(content))));
        Assert.Equal(1L, await host.QueryAsync<long>(
            "SELECT count(*) FROM ingest.outbox WHERE message_type = 'ScoreIngested' AND payload->>'scoreId' = $1", first.Id.ToString()));
    }

    [Fact]
    public async Task MusicXml_and_Midi_are_told_by_their_content_and_name()
    {
        var midi = "MThd\0\0\0\u0006\0\0\0\u0001\0\u0060"u8.ToArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var (_, midiScore) = await host.UploadAsync("song.bin", midi);
        var musicXml = System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><score-partwise version=\"4.0\"><!-- {Guid.NewGuid()} --></score-partwise>");
        var (_, xmlScore) = await host.UploadAsync("score.musicxml", musicXml);

        Assert.Equal(ScoreFormat.Midi, (await host.GetScoreAsync(midiScore.Id))!.Format);
        Assert.Equal(ScoreFormat.MusicXml, (await host.GetScoreAsync(xmlScore.Id))!.Format);
    }

    [Fact]
    public async Task A_file_of_no_known_format_is_refused_with_415_and_stores_nothing()
    {
        var before = await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores");
        var response = await host.Client.PostAsync("v1/scores", IngestHost.Form("notes.pdf", "%PDF-1.7 not music"u8.ToArray()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("upload.unknown-format", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var tooLarge = new byte[IngestHost.MaxUploadBytes + 1024];
        "X:1\nK:C\n"u8.CopyTo(tooLarge);
        var response = await host.Client.PostAsync("v1/scores", IngestHost.Form("big.abc", tooLarge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_the_size_limit_is_refused_with_413_while_it_is_read()
    {
        var tooLarge = new byte[IngestHost.MaxUploadBytes * 2];
        "X:1\nK:C\n"u8.CopyTo(tooLarge);
        var form = IngestHost.Form("big.abc", tooLarge);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/scores")
        {
            Content = new StreamContent(await form.ReadAsStreamAsync()),
        };
        request.Content.Headers.ContentType = form.Headers.ContentType;
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_deleted_score_is_gone_and_its_deletion_announced()
    {
        var (_, score) = await host.UploadAsync("gone.abc", TestScores.UniqueTune());

        var delete = await host.Client.DeleteAsync($"v1/scores/{score.Id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"v1/scores/{score.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.DeleteAsync($"v1/scores/{score.Id}")).StatusCode);
        await host.Probe.WaitForAsync<ScoreDeleted>(m => m.ScoreId == score.Id);
    }

    [Fact]
    public async Task A_score_s_content_comes_back_as_uploaded_with_its_media_type_and_file_name()
    {
        var content = TestScores.UniqueTune();
        var (_, score) = await host.UploadAsync("the tune.abc", content);

        var response = await host.Client.GetAsync($"v1/scores/{score.Id}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/vnd.abc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("the tune.abc", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"v1/scores/{Guid.NewGuid()}/content")).StatusCode);
    }

    [Fact]
    public async Task Each_tune_of_a_multi_tune_batch_has_its_own_tune_as_content()
    {
        var first = Encoding.UTF8.GetString(TestScores.UniqueTune("First"));
        var second = Encoding.UTF8.GetString(TestScores.UniqueTune("Second"));
        var batch = await host.UploadBatchAsync("two.abc", Encoding.UTF8.GetBytes(first + "\n" + second));

        var contents = new List<string>();
        foreach (var item in batch.Items)
            contents.Add(await host.Client.GetStringAsync($"v1/scores/{item.Id}/content"));

        Assert.Equal(2, contents.Count);
        Assert.Contains("T:First", contents[0]);
        Assert.DoesNotContain("T:Second", contents[0]);
        Assert.Contains("T:Second", contents[1]);
    }

    [Fact]
    public async Task An_unknown_score_is_404()
    {
        var response = await host.Client.GetAsync($"v1/scores/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
