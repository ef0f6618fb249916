using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary>The search modes by the names the CLI takes (hybrid, semantic, keyword).</summary>
public static class SearchModes
{
    public static readonly string[] Names = ["hybrid", "semantic", "keyword"];

    public static SearchMode Parse(string name) => name.ToLowerInvariant() switch
    {
        "hybrid" => SearchMode.Hybrid,
        "semantic" => SearchMode.Semantic,
        "keyword" => SearchMode.Keyword,
        _ => throw new ArgumentException($"Unknown search mode '{name}': use one of {string.Join(", ", Names)}.", nameof(name)),
    };
}
