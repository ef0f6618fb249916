using System.CommandLine;
using Clamp.Music;

namespace Clamp.Cli.Commands;

/// <summary>
/// <c>clamp convert FILE</c>: prints the ABC of an ABC, MusicXML (.xml, .musicxml, .mxl) or MIDI file; with
/// <c>--music-only</c>, the music text of each tune as the models see it (metadata, lyrics and comments removed);
/// with <c>--metadata</c>, one JSON line per tune with the metadata read from it.
/// </summary>
public static class ConvertCommand
{
    public const int Success = 0;

    /// <summary>Exit code when the file, or some of its tunes, could not be read.</summary>
    public const int Failed = 1;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The score: .abc, .xml, .musicxml, .mxl, .mid or .midi." };
        var musicOnly = new Option<bool>("--music-only")
        {
            Description = "Print each tune's music text (what is patched) instead of the full ABC.",
        };
        var metadata = new Option<bool>("--metadata")
        {
            Description = "Print one JSON line per tune with its metadata (title, key, meter …) and warnings, or its error.",
        };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Refuse files larger than this many bytes.",
            DefaultValueFactory = _ => new ScoreImportOptions().MaxInputBytes,
        };

        var command = new Command("convert", "Print the ABC of a MusicXML, MIDI or ABC file.") { file, musicOnly, metadata, maxBytes };
        command.SetAction(result =>
        {
            var path = result.GetRequiredValue(file);
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                error.WriteLine($"{path.FullName}: no such file");
                return Failed;
            }

            var importer = new ScoreImporter(new ScoreImportOptions { MaxInputBytes = result.GetValue(maxBytes) });
            if (result.GetValue(metadata))
            {
                return WriteMetadata(importer.Import(path.FullName), output);
            }

            return result.GetValue(musicOnly)
                ? WriteMusicTexts(importer.Import(path.FullName), output, error)
                : WriteAbc(() => importer.ReadAbc(path.FullName), path.Name, output, error);
        });
        return command;
    }

    private static int WriteAbc(Func<string> read, string name, TextWriter output, TextWriter error)
    {
        try
        {
            output.Write(read());
            return Success;
        }
        catch (ScoreReadException e)
        {
            error.WriteLine($"{name}: {e.Code}: {e.Message}");
            return Failed;
        }
    }

    private static int WriteMetadata(ScoreImport import, TextWriter output)
    {
        foreach (var tune in import.Tunes)
        {
            output.WriteLine(TuneJson.Of(tune).ToJsonLine());
        }

        return import.Failures.Any() ? Failed : Success;
    }

    private static int WriteMusicTexts(ScoreImport import, TextWriter output, TextWriter error)
    {
        foreach (var tune in import.Tunes)
        {
            if (tune.Tune is { } read)
            {
                output.WriteLine($"% tune {tune.TuneIndex + 1}: {read.Metadata.Title}");
                output.WriteLine(read.MusicText);
                output.WriteLine();
            }
            else
            {
                error.WriteLine($"{import.FileName}: {tune.Error!.Code}: {tune.Error.Message}");
            }
        }

        return import.Failures.Any() ? Failed : Success;
    }
}
