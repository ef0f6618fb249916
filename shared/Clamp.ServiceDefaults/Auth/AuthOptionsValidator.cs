using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>
/// Checks the "Auth" section at start-up: every API key has a key and a tenant name, shared tenants are tenant names,
/// no key is given twice (a key must say who its holder is), and the limit of failed authentications is a real one.
/// </summary>
internal sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var apiKey = options.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(apiKey.Key))
                errors.Add($"Auth:ApiKeys:{i}:Key is empty.");
            if (!TenantName().IsMatch(apiKey.Tenant ?? ""))
                errors.Add($"Auth:ApiKeys:{i}:Tenant '{apiKey.Tenant}' is not a tenant name (1 to 64 letters, digits, '.', '_' or '-').");
        }

        foreach (var shared in options.SharedTenants.Where(t => !TenantName().IsMatch(t ?? "")))
            errors.Add($"Auth:SharedTenants holds '{shared}', which is not a tenant name.");

        var keys = options.ApiKeys.Select(k => k.Key).Append(options.ServiceKey).Append(options.ManagementKey).OfType<string>().Where(k => k.Length > 0);
        if (keys.GroupBy(k => k, StringComparer.Ordinal).Any(g => g.Count() > 1))
            errors.Add("A key is given twice in Auth (API keys, ServiceKey and ManagementKey must all differ).");
        if (options.FailedAttempts.Limit < 1)
            errors.Add("Auth:FailedAttempts:Limit must be at least 1.");
        if (options.FailedAttempts.Window <= TimeSpan.Zero)
            errors.Add("Auth:FailedAttempts:Window must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex TenantName();
}
