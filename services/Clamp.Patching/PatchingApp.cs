using Clamp.ServiceDefaults;

namespace Clamp.Patching;

/// <summary>Builds the patching service's host: health, metrics and the patching consumer.</summary>
public static class PatchingApp
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(PatchingApp).Assembly.GetName().Name });
        if (configuration is not null)
            builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        builder.AddPatchingServices();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
