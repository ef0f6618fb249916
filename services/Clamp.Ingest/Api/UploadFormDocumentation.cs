using Clamp.Ingest.Uploads;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clamp.Ingest.Api;

/// <summary>Describes the multipart form of the upload routes in the OpenAPI document: the file and the metadata fields.</summary>
internal static class UploadFormDocumentation
{
    private static readonly (string Name, string Description)[] MetadataFields =
    [
        ("title", "Title (wins over the file's T:)"),
        ("alternativeTitles", "Another title the piece is known by: repeat the field for several (\"alt_title\" is read alike)"),
        ("composer", "Composer"),
        ("lyricist", "Author of the words"),
        ("arranger", "Arranger"),
        ("collection", "Collection, book or set"),
        ("type", "Tune type or rhythm, e.g. jig, reel, waltz"),
        ("origin", "Origin or region"),
        ("key", "Key, e.g. \"D major\" (else read from the file)"),
        ("meter", "Meter, e.g. \"6/8\" (else read from the file)"),
        ("tags", "Tags: repeat the field, or separate with commas"),
        ("notes", "Free notes about the piece"),
        ("lyrics", $"Lyrics, one line per verse (up to Ingest:MaxLyricsLength characters, {new IngestOptions().MaxLyricsLength:N0} by default)"),
    ];

    public static RouteHandlerBuilder AcceptsUploadForm(this RouteHandlerBuilder route, string fileDescription) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var properties = new Dictionary<string, IOpenApiSchema>
            {
                [UploadedFile.FileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = fileDescription },
            };
            foreach (var (name, description) in MetadataFields)
                properties[name] = new OpenApiSchema { Type = JsonSchemaType.String, Description = description };
            properties["extra.NAME"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Any other named field, stored under metadata.extra[NAME]",
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { UploadedFile.FileField },
                            Properties = properties,
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}
