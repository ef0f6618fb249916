using System.Text.Json;

namespace Clamp.Client;

/// <summary>The reason in an error answer: an RFC 7807 problem document's <c>code</c> and <c>detail</c> (or title), else the body.</summary>
internal static class ProblemReason
{
    public static string Of(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var detail = Text(root, "detail") ?? Text(root, "title");
            var code = Text(root, "code");
            if (detail is not null)
                return code is null ? detail : $"{code}: {detail}";
        }
        catch (JsonException)
        {
        }

        return body.Trim();
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
