using Clamp.Contracts.Grpc;
using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>
/// Turns the caller's tenants, a <see cref="ScoreFilter"/> and excluded ids into a parameterised condition over the
/// columns of a version table. The tenants are always a condition: no search reaches a score of another tenant.
/// </summary>
internal static class FilterSql
{
    /// <summary>Appends one parameter per condition to <paramref name="command"/>; returns " WHERE …".</summary>
    public static string Build(IReadOnlyCollection<string> tenants, ScoreFilter? filter, IReadOnlyCollection<Guid> exclude, NpgsqlBatchCommand command) =>
        " WHERE " + Conditions(tenants, filter, exclude, command);

    /// <summary>The same as one condition over unqualified columns of a version table: "… AND …".</summary>
    public static string Conditions(IReadOnlyCollection<string> tenants, ScoreFilter? filter, IReadOnlyCollection<Guid> exclude, NpgsqlBatchCommand command)
    {
        if (tenants.Count == 0)
            throw new ArgumentException("A search names the tenants whose scores it may return.", nameof(tenants));
        List<string> clauses = [$"tenant = ANY({Add(command, tenants.ToArray())})"];
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
        return string.Join(" AND ", clauses);
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
