using System.Text.Json;

namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// The CLI's config file: <c>$CLAMP_CONFIG</c> when set, else <c>$XDG_CONFIG_HOME/clamp/config.json</c> (by default
/// <c>~/.config/clamp/config.json</c>). A JSON object with any of <c>ingestUrl</c>, <c>apiKey</c> and
/// <c>queryAddress</c>; a missing default file is no error, a missing <c>$CLAMP_CONFIG</c> or a file that is not such
/// an object is a usage error.
/// </summary>
public sealed record PlatformConfigFile(string? IngestUrl, string? ApiKey, string? QueryAddress)
{
    public const string PathVariable = "CLAMP_CONFIG";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PlatformConfigFile Load()
    {
        var named = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } value ? value : null;
        var path = named ?? DefaultPath();
        if (!File.Exists(path))
            return named is null ? new PlatformConfigFile(null, null, null) : throw Invalid(path, "no such file");

        try
        {
            return JsonSerializer.Deserialize<PlatformConfigFile>(File.ReadAllText(path), Json) ?? throw Invalid(path, "not a JSON object");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, e.Message);
        }
    }

    public static string DefaultPath()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(configHome, "clamp", "config.json");
    }

    private static CliFailure Invalid(string path, string reason) => new(ExitCodes.Usage, $"config file {path}: {reason}");
}
