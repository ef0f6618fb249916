using Clamp.Contracts.Grpc;

namespace Clamp.Web.Api;

/// <summary>A score found by a search or a similarity query, with what the page shows of it.</summary>
public sealed record ScoreHitView(
    string Id, double Score, string Title, string Composer, string Collection, string Type, string Key, string Meter,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Matched)
{
    internal static ScoreHitView From(ScoreHit hit) => new(
        hit.ScoreId, hit.Score, hit.Title, hit.Composer, hit.Collection, hit.Type, hit.Key, hit.Meter, [.. hit.Tags], [.. hit.Matched]);
}

/// <summary>A page of results; <c>nextPage</c> is the token of the following page (null on the last).</summary>
public sealed record ScoreHitsView(IReadOnlyList<ScoreHitView> Hits, string? NextPage, string ModelVersion);

/// <summary>The labels to classify a score against, and optionally a prompt template with {label}.</summary>
public sealed record ClassifyBody(IReadOnlyList<string>? Labels, string? Template);

public sealed record LabelView(string Label, double Probability, double Similarity);

/// <summary>The candidate labels, most probable first.</summary>
public sealed record ClassificationView(IReadOnlyList<LabelView> Labels, string ModelVersion);

/// <summary>A score as ABC, ready for the notation renderer: as stored (ABC) or converted from its format.</summary>
public sealed record NotationView(string Format, string FileName, bool Converted, string Abc);
