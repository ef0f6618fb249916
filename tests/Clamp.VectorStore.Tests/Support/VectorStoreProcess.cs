using System.Diagnostics;
using Clamp.Testing;

namespace Clamp.VectorStore.Tests.Support;

/// <summary>
/// The vector store as a separate OS process (the built Clamp.VectorStore.dll), so a test can kill it outright
/// (SIGKILL: no shutdown, no acknowledgements) the way a crash or an OOM kill would.
/// </summary>
public sealed class VectorStoreProcess : IDisposable
{
    private readonly Process process;
    private readonly int httpPort;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    private VectorStoreProcess(Process process, int httpPort)
    {
        this.process = process;
        this.httpPort = httpPort;
    }

    public static async Task<VectorStoreProcess> StartAsync(IDictionary<string, string?> configuration)
    {
        int grpcPort = FreeTcpPort.Next(), httpPort = FreeTcpPort.Next();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Clamp.VectorStore.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in configuration)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}";
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var started = new VectorStoreProcess(process, httpPort);
        process.OutputDataReceived += (_, line) => started.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => started.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.WaitUntilReadyAsync();
        return started;
    }

    /// <summary>Keeps the last lines the process wrote, to explain a failure to start.</summary>
    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 20) output.TryDequeue(out _);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"the vector store exited with code {process.ExitCode}");
            try { return (await http.GetAsync("/health")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, () => "the vector store process ready; its last output:\n" + string.Join("\n", output), TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL: the process gets no chance to finish or acknowledge anything.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }
}
