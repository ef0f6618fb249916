using System.Text.Json;
using System.Text.Json.Serialization;
using Clamp.Music;

namespace Clamp.Cli.Commands;

/// <summary>One line of <c>clamp convert --metadata</c>: a tune's metadata and warnings, or why it failed.</summary>
public sealed record TuneJson(
    int Tune,
    TuneMetadata? Metadata,
    IReadOnlyList<string>? Warnings,
    TuneJsonError? Error)
{
    public static TuneJson Of(TuneResult result) => result.Tune is { } tune
        ? new TuneJson(result.TuneIndex + 1, tune.Metadata, tune.Warnings, null)
        : new TuneJson(result.TuneIndex + 1, null, null, new TuneJsonError(result.Error!.Code, result.Error.Message, result.Error.Line));

    public string ToJsonLine() => JsonSerializer.Serialize(this, TuneJsonContext.Default.TuneJson);
}

public sealed record TuneJsonError(string Code, string Message, int? Line);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TuneJson))]
internal sealed partial class TuneJsonContext : JsonSerializerContext;
