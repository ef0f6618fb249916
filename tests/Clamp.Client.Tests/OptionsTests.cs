using Clamp.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clamp.Client.Tests;

public sealed class OptionsTests
{
    [Fact]
    public async Task Options_bound_from_a_configuration_section_point_the_clients_at_the_server()
    {
        await using var ingest = await FlakyIngest.StartAsync(unavailableAnswers: 1);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clamp:IngestUrl"] = ingest.Address.ToString(),
            ["Clamp:QueryAddress"] = "http://127.0.0.1:1",
            ["Clamp:ApiKey"] = "k",
            ["Clamp:Timeout"] = "00:00:07",
            ["Clamp:RetryCount"] = "1",
        }).Build();
        using var services = new ServiceCollection().AddClampClient(configuration.GetSection("Clamp")).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<ClampClientOptions>>().Value;
        var id = await services.Ingest().UploadAsync("t.abc", "X:1\nK:D\nABC|\n"u8.ToArray());

        Assert.Equal(("k", TimeSpan.FromSeconds(7), 1), (options.ApiKey, options.Timeout, options.RetryCount));
        Assert.Equal(FlakyIngest.StoredId, id);
        Assert.Equal(2, ingest.Uploads);
    }

    [Fact]
    public void Invalid_options_are_refused_when_a_client_is_made()
    {
        using var services = ClientServices.With(o => o.Timeout = TimeSpan.Zero);

        var e = Assert.Throws<OptionsValidationException>(() => services.Ingest());

        Assert.Contains("Timeout positive", e.Message);
    }
}
