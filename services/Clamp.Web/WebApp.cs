using Clamp.ServiceDefaults;

namespace Clamp.Web;

/// <summary>Builds the web service's host: the page, its JSON API, health and metrics.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            // The page is copied beside the assembly at build and publish, so it is found whatever the working directory.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (configuration is not null)
            builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        builder.AddWebServices();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapWebEndpoints();
        return app;
    }
}
