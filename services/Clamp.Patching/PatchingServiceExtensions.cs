using Clamp.Music;
using Clamp.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.Patching;

public static class PatchingServiceExtensions
{
    /// <summary>The patching consumer on the message bus, with Clamp.Music's importer and patcher.</summary>
    public static IHostApplicationBuilder AddPatchingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PatchingOptions>().BindConfiguration(PatchingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => TryParseScheme(options.Scheme), "Patching:Scheme must be \"clamp1\" or \"line-bars\".")
            .ValidateOnStart();
        builder.Services.AddOptions<ScoreImportOptions>().BindConfiguration(ScoreImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new ScoreImporter(services.GetRequiredService<IOptions<ScoreImportOptions>>().Value));
        builder.Services.AddSingleton<ScorePatcher>();

        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<ScoreIngestedConsumer, ScoreIngestedConsumerDefinition>();
        });
        return builder;
    }

    private static bool TryParseScheme(string name)
    {
        try
        {
            Clamp.Music.Patching.BarPatcher.ParseScheme(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
