using System.CommandLine;
using Clamp.Music.Patching;

namespace Clamp.Cli.Commands;

/// <summary>
/// <c>clamp patch --scheme clamp1 --jsonl IN</c>: one JSON line out per JSON line in, in order, with the
/// <c>patches</c> of its <c>music</c> field. A bad line gives an <c>{"error":…}</c> line and a message on stderr.
/// </summary>
public static class PatchCommand
{
    /// <summary>Exit code when every line was patched.</summary>
    public const int Success = 0;

    /// <summary>Exit code when some lines could not be patched (the output still has a line for each).</summary>
    public const int SomeLinesFailed = 2;

    /// <summary>Exit code when the input file does not exist.</summary>
    public const int NoInput = 1;

    public static Command Create()
    {
        var scheme = new Option<string>("--scheme")
        {
            Description = "Patch scheme: clamp1 (what the models use) or line-bars.",
            DefaultValueFactory = _ => BarPatcher.NameOf(PatchScheme.Clamp1),
        };
        var input = new Option<string>("--jsonl")
        {
            Description = "JSON lines with a \"music\" field; '-' reads standard input.",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write the JSON lines; '-' (the default) writes standard output.",
            DefaultValueFactory = _ => "-",
        };
        var maxPatches = new Option<int>("--max-patches")
        {
            Description = "Most patches per score, the end-of-sequence patch included.",
            DefaultValueFactory = _ => IBarPatcher.DefaultMaxPatches,
        };
        var clean = new Option<bool>("--clean")
        {
            Description = "Read \"music\" as an ABC tune and patch its music text (metadata, lyrics and comments removed).",
        };

        scheme.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Enum.GetValues<PatchScheme>().Select(BarPatcher.NameOf).ToArray());
        maxPatches.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-patches must be at least 1.");
            }
        });

        var command = new Command("patch", "Cut the music of each JSON line into bar patches (arrays of 64 ids).")
        {
            scheme, input, output, maxPatches, clean,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var inputPath = result.GetRequiredValue(input);
            if (inputPath != "-" && !File.Exists(inputPath))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"{inputPath}: no such file");
                return NoInput;
            }

            var patchScheme = BarPatcher.ParseScheme(result.GetValue(scheme)!);
            var patcher = new JsonlPatcher(BarPatcher.For(patchScheme), result.GetValue(maxPatches), result.GetValue(clean));
            using var reader = CliStreams.OpenInput(inputPath);
            await using var writer = CliStreams.OpenOutput(result.GetValue(output)!);
            var failed = await patcher.RunAsync(reader, writer, result.InvocationConfiguration.Error, cancellation);
            return failed == 0 ? Success : SomeLinesFailed;
        });
        return command;
    }
}
