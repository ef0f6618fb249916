using System.Text.Json;
using Clamp.LoadTest;

// Clamp.LoadTest search|query|ingest [--options]; writes its results as JSON to --out (default stdout).
// Clamp.LoadTest summary --ingest FILE --query FILE: the closing line of bench/loadtest.sh platform.
var arguments = new Arguments(args);
if (arguments.Command == "summary")
{
    Console.WriteLine(PlatformSummary.Line(
        await File.ReadAllTextAsync(arguments.Text("ingest", "ingest.json")), await File.ReadAllTextAsync(arguments.Text("query", "query.json"))));
    return 0;
}

object result = arguments.Command switch
{
    "search" => await new SearchBenchmark(arguments).RunAsync(),
    "query" => await new QueryBenchmark(arguments).RunAsync(),
    "ingest" => await new IngestBenchmark(arguments).RunAsync(),
    _ => null!,
};
if (result is null)
{
    Console.Error.WriteLine("usage: Clamp.LoadTest search|query|ingest|summary [--name value …] (see bench/loadtest.sh)");
    return 2;
}
var json = JsonSerializer.Serialize(new { command = arguments.Command, at = DateTimeOffset.UtcNow, result }, new JsonSerializerOptions { WriteIndented = true });
var output = arguments.Text("out", "");
if (output.Length > 0) await File.WriteAllTextAsync(output, json);
else Console.WriteLine(json);
return 0;
