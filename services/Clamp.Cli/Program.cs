using System.CommandLine;
using Clamp.Cli.Commands;
using Clamp.Cli.Commands.Connection;
using Clamp.Cli.Commands.Eval;
using Clamp.Cli.Commands.Platform;
using Clamp.Cli.Commands.Upload;

var root = new RootCommand(
    "clamp: read scores, cut them into CLaMP patches, evaluate CLaMP models and embed with them, and upload to and search a running platform; " +
    "or, with no server, search, classify and compare a folder of scores with the bundled model " +
    "(clamp search DIR QUERY, clamp classify FILE --labels …, clamp similar FILE DIR). " +
    "The platform commands find the server through --ingest-url, --api-key and --address, else CLAMP_INGEST_URL, " +
    "CLAMP_API_KEY and CLAMP_QUERY_ADDRESS, else the config file ($CLAMP_CONFIG or ~/.config/clamp/config.json: " +
    "{\"ingestUrl\", \"apiKey\", \"queryAddress\"}), else the addresses of the local platform ./run.sh starts (whose key " +
    "is CLAMP_API_KEY in the env.sh deploy/local/up.sh writes). " +
    "Training a model is the training job's own command (services/Clamp.Training: train), not clamp's. " + ExitCodes.Help)
{
    PatchCommand.Create(),
    ConvertCommand.Create(),
    UploadCommand.Create(),
    StatusCommand.Create(),
    SearchCommand.Create(),
    ClassifyCommand.Create(),
    SimilarCommand.Create(),
    EvalCommand.Create(),
    EmbedCommand.Create(),
};

var parsed = root.Parse(args);
return parsed.Errors.Count > 0 ? UsageErrors.Report(parsed, Console.Error) : await parsed.InvokeAsync();
