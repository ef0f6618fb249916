using System.Text.Json;
using Clamp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clamp.ServiceDefaults;

/// <summary>
/// Writes a health report as JSON. Operators (<see cref="ManagementAccess.IsOperator"/>: the management key or an admin
/// key) see each check's status, description, error and data (so e.g. the embedding service can report its execution
/// provider); anyone else sees the statuses only, since an error's text may name hosts, users or paths.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = ManagementAccess.IsOperator(context.User)
            ? new
            {
                status = report.Status.ToString(),
                durationMs = report.TotalDuration.TotalMilliseconds,
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        error = e.Value.Exception?.Message,
                        data = e.Value.Data,
                    }),
            }
            : new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString() }),
            };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
