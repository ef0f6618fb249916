using Clamp.Web.Audio;

namespace Clamp.Web.Api;

/// <summary>The player's note samples, at the path abcjs builds from its soundFontUrl (the page sets it to /sounds/).</summary>
internal static class SoundEndpoints
{
    public static IEndpointRouteBuilder MapSoundEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sounds/{instrument:regex(^[a-z0-9_]{{1,40}}$)}-mp3/{note}.mp3", GetNote).WithName("NoteSample");
        return app;
    }

    private static IResult GetNote(string instrument, string note, NoteSamples samples, HttpResponse response)
    {
        if (NoteSamples.MidiNumber(note) is not { } midi)
            return TypedResults.NotFound();
        response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(samples.Wav(midi), "audio/wav");
    }
}
