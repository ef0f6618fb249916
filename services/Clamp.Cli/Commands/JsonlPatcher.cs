using System.Text.Json;
using Clamp.Music;
using Clamp.Music.Abc;
using Clamp.Music.Patching;

namespace Clamp.Cli.Commands;

/// <summary>
/// Streams JSON lines through a patcher. Each non-blank input line gives exactly one output line, in order: the input
/// object's other fields, then <c>"patches"</c> (arrays of 64 ids); or, for a line that cannot be patched,
/// <c>{"error":{"line":N,"code":"…","message":"…"}}</c>, with the same message on the error writer.
/// </summary>
public sealed class JsonlPatcher(IBarPatcher patcher, int maxPatches, bool clean)
{
    private const string MusicField = "music";
    private const string PatchesField = "patches";

    /// <summary>Patches every line; returns how many lines failed.</summary>
    public async Task<int> RunAsync(TextReader input, Stream output, TextWriter errors, CancellationToken cancellation)
    {
        var failed = 0;
        var lineNumber = 0;
        await using var json = new Utf8JsonWriter(output);
        while (await input.ReadLineAsync(cancellation) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                WritePatched(json, line);
            }
            catch (JsonlLineException e)
            {
                failed++;
                json.Reset();
                WriteError(json, lineNumber, e.Code, e.Message);
                await errors.WriteLineAsync($"line {lineNumber}: {e.Code}: {e.Message}");
            }

            await json.FlushAsync(cancellation);
            output.WriteByte((byte)'\n');
            json.Reset();
        }

        await output.FlushAsync(cancellation);
        return failed;
    }

    private void WritePatched(Utf8JsonWriter json, string line)
    {
        using var document = Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(MusicField, out var music) || music.ValueKind != JsonValueKind.String)
        {
            throw new JsonlLineException("no-music", $"the line is not a JSON object with a string \"{MusicField}\" field");
        }

        var patches = patcher.Patch(MusicTextOf(music.GetString()!), maxPatches);
        json.WriteStartObject();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not (MusicField or PatchesField))
            {
                property.WriteTo(json);
            }
        }

        json.WriteStartArray(PatchesField);
        for (var row = 0; row < patches.Count; row++)
        {
            json.WriteStartArray();
            foreach (var id in patches.Row(row))
            {
                json.WriteNumberValue(id);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private string MusicTextOf(string music)
    {
        if (!clean)
        {
            return music;
        }

        try
        {
            return AbcParser.ParseTune(music).MusicText;
        }
        catch (ScoreReadException e)
        {
            throw new JsonlLineException(e.Code, e.Message);
        }
    }

    private static JsonDocument Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new JsonlLineException("invalid-json", e.Message);
        }
    }

    private static void WriteError(Utf8JsonWriter json, int lineNumber, string code, string message)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteNumber("line", lineNumber);
        json.WriteString("code", code);
        json.WriteString("message", message);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private sealed class JsonlLineException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}
