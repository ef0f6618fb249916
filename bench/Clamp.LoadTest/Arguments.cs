using System.Globalization;
using Clamp.ServiceDefaults.Auth;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Clamp.LoadTest;

/// <summary>"--name value" command-line options with defaults.</summary>
internal sealed class Arguments(string[] args)
{
    /// <summary>The key of the public APIs: --api-key, else $CLAMP_API_KEY.</summary>
    public string ApiKey => Text("api-key", Environment.GetEnvironmentVariable("CLAMP_API_KEY") ?? "");

    /// <summary>The key of the internal gRPC services (embedding, vector store): --service-key, else $CLAMP_SERVICE_KEY.</summary>
    public string ServiceKey => Text("service-key", Environment.GetEnvironmentVariable("CLAMP_SERVICE_KEY") ?? "");

    /// <summary>A channel to the gRPC service at option <paramref name="name"/>, and its calls, each presenting <paramref name="key"/>.</summary>
    public (GrpcChannel Channel, CallInvoker Calls) Grpc(string name, string fallback, string key)
    {
        var channel = GrpcChannel.ForAddress(Address(name, fallback));
        return (channel, channel.Intercept(new KeyMetadataInterceptor(key)));
    }

    public string Command => args.Length > 0 ? args[0] : "";

    public string Text(string name, string fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public IReadOnlyList<int> Numbers(string name, string fallback) =>
        Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public Uri Address(string name, string fallback) => new(Text(name, fallback));
}
