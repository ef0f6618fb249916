using Clamp.ServiceDefaults.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults;

/// <summary>
/// Secrets no service accepts outside the Development environment (docs/security.md, "Secrets and defaults"): a
/// well-known default (the local scripts' former keys, RabbitMQ's guest), a placeholder of the examples
/// (k8s/secrets.example.yaml: anything with "change-me"), and keys too short to be secret. A refusal names the
/// setting, never the secret.
/// </summary>
public static class DefaultSecrets
{
    /// <summary>The fewest characters of an API, service or management key outside Development.</summary>
    public const int MinimumKeyLength = 16;

    private static readonly string[] WellKnown = ["local-dev-key", "local-dev-service-key", "guest", "password", "secret", "admin"];
    private static readonly string[] Placeholders = ["change-me", "changeme", "change_me", "replace-me"];

    /// <summary>Why a password may not be used outside Development, or null when it may.</summary>
    public static string? PasswordRefusal(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return null;
        if (Placeholders.Any(p => secret.Contains(p, StringComparison.OrdinalIgnoreCase)))
            return "is the placeholder of an example: put a secret of your own";
        return WellKnown.Contains(secret, StringComparer.OrdinalIgnoreCase) ? "is a well-known default: put a secret of your own" : null;
    }

    /// <summary>Why a key may not be used outside Development, or null when it may.</summary>
    public static string? KeyRefusal(string? key) =>
        PasswordRefusal(key) ?? (key is { Length: > 0 and < MinimumKeyLength }
            ? $"is {key.Length} characters long; keys need at least {MinimumKeyLength} (e.g. openssl rand -hex 32)"
            : null);
}

/// <summary>Applies <see cref="DefaultSecrets"/> to the keys of "Auth" and the credentials of "RabbitMq", outside Development.</summary>
internal sealed class DefaultSecretsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>, IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (environment.IsDevelopment()) return ValidateOptionsResult.Skip;
        var keys = options.ApiKeys.Select((k, i) => ($"Auth:ApiKeys:{i}:Key", (string?)k.Key))
            .Append(("Auth:ServiceKey", options.ServiceKey))
            .Append(("Auth:ManagementKey", options.ManagementKey));
        return Result(keys.Select(k => DefaultSecrets.KeyRefusal(k.Item2) is { } why ? $"{k.Item1} {why}." : null));
    }

    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        if (environment.IsDevelopment()) return ValidateOptionsResult.Skip;
        var guest = options.Username == "guest" && options.Password == "guest"
            ? "RabbitMq:Username and RabbitMq:Password are guest/guest, the broker's default account: give the services a user of their own (RabbitMq__Username, RabbitMq__Password)."
            : null;
        var password = DefaultSecrets.PasswordRefusal(options.Password) is { } why && guest is null ? $"RabbitMq:Password {why}." : null;
        return Result([guest, password]);
    }

    private ValidateOptionsResult Result(IEnumerable<string?> refusals)
    {
        var errors = refusals.OfType<string>().Select(e => $"{e} (refused outside the Development environment; this is {environment.EnvironmentName})").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
