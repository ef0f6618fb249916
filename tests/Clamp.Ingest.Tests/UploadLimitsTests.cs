using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Clamp.Contracts.Messages;

namespace Clamp.Ingest.Tests;

/// <summary>The ingest API's limits on hostile requests: broken multipart bodies, stalled uploads, oversized scores in a
/// batch and oversized metadata. Each is refused with a 4xx and its reason code, never a 500 or a held connection.</summary>
[Trait("Suite", "Hostile")]
public sealed class UploadLimitsTests(UploadLimitsTests.Host host) : IClassFixture<UploadLimitsTests.Host>
{
    /// <summary>The ingest service with a short upload deadline and small metadata limits.</summary>
    public sealed class Host : IngestHost
    {
        public const int MaxTags = 20;
        public const int MaxMetadataBytes = 8 * 1024;
        public const int MaxMetadataKeyLength = 40;

        protected override void Configure(Dictionary<string, string?> configuration)
        {
            configuration["Ingest:UploadTimeout"] = "00:00:01";
            configuration["Ingest:MaxTags"] = MaxTags.ToString();
            configuration["Ingest:MaxMetadataBytes"] = MaxMetadataBytes.ToString();
            configuration["Ingest:MaxMetadataKeyLength"] = MaxMetadataKeyLength.ToString();
        }
    }

    [Theory]
    [InlineData("garbage", "multipart/form-data; boundary=b", "this is not a multipart body at all")]
    [InlineData("unterminated", "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.abc\"\r\n\r\nX:1\nK:C\nabc|")]
    [InlineData("unterminated headers", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"fi")]
    [InlineData("no boundary", "multipart/form-data", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.abc\"\r\n\r\nX:1\r\n--b--\r\n")]
    public async Task A_broken_multipart_body_is_refused_with_400_and_its_reason(string _, string contentType, string body)
    {
        foreach (var route in new[] { "v1/scores", "v1/scores:batch" })
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

            var response = await host.Client.PostAsync(route, content);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route} answered {(int)response.StatusCode}: {text}");
            Assert.Contains("upload.malformed", text);
        }
    }

    [Fact]
    public async Task A_stalled_upload_is_answered_408_once_the_upload_deadline_passes()
    {
        var answer = await StalledUploadAsync(host.BaseAddress);

        Assert.StartsWith("HTTP/1.1 408", answer);
        Assert.Contains("upload.timeout", answer);
    }

    /// <summary>Sends an upload whose headers promise 10,000 bytes (within the size limit) of which the first few
    /// arrive, then nothing more; returns the service's whole answer (the test only keeps it from waiting for ever).</summary>
    internal static async Task<string> StalledUploadAsync(Uri service)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, service.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /v1/scores HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
            $"X-Api-Key: {IngestHost.ApiKey}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000\r\n\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.abc\"\r\n\r\nX:1\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_single_file_over_the_score_limit_is_refused_in_a_batch()
    {
        var midi = "MThd\0\0\0\u0006\0\0\0\u0001\0\u0060"u8.ToArray().Concat(new byte[IngestHost.MaxUploadBytes + 1]).ToArray();

        var batch = await host.UploadBatchAsync("huge.mid", midi);

        var item = Assert.Single(batch.Items);
        Assert.Equal("batch.entry-too-large", item.Error?.Code);
        Assert.Null(item.Id);
        Assert.Equal(0L, await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores WHERE file_name = 'huge.mid'"));
    }

    [Fact]
    public async Task A_tune_over_the_score_limit_is_refused_and_the_other_tunes_of_its_file_are_stored()
    {
        var small = Encoding.UTF8.GetString(TestScores.UniqueTune());
        var huge = Encoding.UTF8.GetString(TestScores.UniqueTune("Huge")).TrimEnd() + "\n"
            + string.Concat(Enumerable.Repeat("|:dfa afd|gbg fed|dfa afd|ecA d3:|\n", IngestHost.MaxUploadBytes / 30));
        var file = Encoding.UTF8.GetBytes($"{small}\n{huge.Replace("X:1", "X:2")}\n{Encoding.UTF8.GetString(TestScores.UniqueTune()).Replace("X:1", "X:3")}");

        var batch = await host.UploadBatchAsync("set.abc", file);

        Assert.Equal(["set.abc#1", "set.abc#2", "set.abc#3"], batch.Items.Select(i => i.Source));
        Assert.Equal("batch.entry-too-large", batch.Items[1].Error?.Code);
        Assert.Equal((2, 1), (batch.Stored, batch.Errors));
        foreach (var stored in new[] { batch.Items[0], batch.Items[2] })
            await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == stored.Id);
    }

    [Fact]
    public async Task A_metadata_key_over_its_limit_is_refused_with_400()
    {
        var response = await UploadWithAsync(($"extra.{new string('k', 3_000)}", "value"));

        await AssertRefusedAsync(response, "upload.metadata-key-too-long");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task More_tags_than_allowed_are_refused_with_400(bool commaSeparated)
    {
        var tags = Enumerable.Range(0, Host.MaxTags + 1).Select(i => $"tag{i}").ToArray();
        var fields = commaSeparated ? [("tags", string.Join(",", tags))] : tags.Select(tag => ("tags", tag)).ToArray();

        var response = await UploadWithAsync(fields);

        await AssertRefusedAsync(response, "upload.too-many-tags");
    }

    [Fact]
    public async Task Metadata_larger_in_all_than_allowed_is_refused_with_400_though_each_field_is_within_its_limit()
    {
        var fields = Enumerable.Range(0, 10).Select(i => ($"extra.note{i}", new string('n', 900))).ToArray();

        var response = await UploadWithAsync(fields);

        await AssertRefusedAsync(response, "upload.metadata-too-large");
    }

    [Fact]
    public async Task Metadata_within_every_limit_is_stored()
    {
        var tags = Enumerable.Range(0, Host.MaxTags).Select(i => ("tags", $"tag{i}")).ToArray();
        var (response, _) = await host.UploadAsync("fine.abc", TestScores.UniqueTune(),
            [.. tags, ($"extra.{new string('k', Host.MaxMetadataKeyLength - "extra.".Length)}", "value"), ("notes", new string('n', 900))]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<HttpResponseMessage> UploadWithAsync(params (string Name, string Value)[] fields) =>
        host.Client.PostAsync("v1/scores", IngestHost.Form("meta.abc", TestScores.UniqueTune(), fields));

    private async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {text}");
        Assert.Contains(code, text);
    }
}
