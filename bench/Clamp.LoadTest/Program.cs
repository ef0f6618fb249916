using System.Text.Json;
using Clamp.LoadTest;

// Clamp.LoadTest search|query|ingest [--options]; writes its results as JSON to --out (default stdout).
var arguments = new Arguments(args);
object result = arguments.Command switch
{
    "search" => await new SearchBenchmark(arguments).RunAsync(),
    "query" => await new QueryBenchmark(arguments).RunAsync(),
    "ingest" => await new IngestBenchmark(arguments).RunAsync(),
    _ => null!,
};
if (result is null)
{
    Console.Error.WriteLine("usage: Clamp.LoadTest search|query|ingest [--name value …] (see bench/loadtest.sh)");
    return 2;
}
var json = JsonSerializer.Serialize(new { command = arguments.Command, at = DateTimeOffset.UtcNow, result }, new JsonSerializerOptions { WriteIndented = true });
var output = arguments.Text("out", "");
if (output.Length > 0) await File.WriteAllTextAsync(output, json);
else Console.WriteLine(json);
return 0;
