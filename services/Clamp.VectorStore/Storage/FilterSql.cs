using Clamp.Contracts.Grpc;
using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>Turns a <see cref="ScoreFilter"/> and excluded ids into a parameterised WHERE clause.</summary>
internal static class FilterSql
{
    /// <summary>Appends one parameter per set field to <paramref name="command"/>; returns "" or " WHERE …".</summary>
    public static string Build(ScoreFilter? filter, IReadOnlyCollection<Guid> exclude, NpgsqlBatchCommand command) =>
        Clauses(filter, exclude, command) is { Count: > 0 } clauses ? " WHERE " + string.Join(" AND ", clauses) : "";

    /// <summary>The same as one condition over unqualified columns of a version table: "TRUE" or "… AND …".</summary>
    public static string Conditions(ScoreFilter? filter, IReadOnlyCollection<Guid> exclude, NpgsqlBatchCommand command) =>
        Clauses(filter, exclude, command) is { Count: > 0 } clauses ? string.Join(" AND ", clauses) : "TRUE";

    private static List<string> Clauses(ScoreFilter? filter, IReadOnlyCollection<Guid> exclude, NpgsqlBatchCommand command)
    {
        var clauses = new List<string>();
        if (filter is not null)
        {
            AddAnyOf(clauses, command, "collection", filter.Collections);
            AddAnyOf(clauses, command, "key", filter.Keys);
            AddAnyOf(clauses, command, "meter", filter.Meters);
            AddAnyOf(clauses, command, "type", filter.Types_);
            if (filter.Tags.Count > 0)
                clauses.Add($"tags @> {Add(command, filter.Tags.ToArray())}");
        }
        if (exclude.Count > 0)
            clauses.Add($"score_id <> ALL({Add(command, exclude.ToArray())})");
        return clauses;
    }

    private static void AddAnyOf(List<string> clauses, NpgsqlBatchCommand command, string column, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
            clauses.Add($"{column} = ANY({Add(command, values.ToArray())})");
    }

    private static string Add<T>(NpgsqlBatchCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return "$" + command.Parameters.Count;
    }
}
