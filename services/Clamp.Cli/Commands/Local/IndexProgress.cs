namespace Clamp.Cli.Commands.Local;

/// <summary>
/// Progress of indexing on stderr: on a terminal one line that updates in place, else a line every
/// <see cref="LineEvery"/> files read, so that logs stay short.
/// </summary>
public sealed class IndexProgress(TextWriter error, bool interactive)
{
    private const int LineEvery = 200;
    private bool _lineOpen;

    public static IndexProgress ForConsole(TextWriter error) => new(error, !Console.IsErrorRedirected);

    public void Report(int seen, int embedded)
    {
        if (interactive)
        {
            error.Write($"\rindexing: {seen} files seen, {embedded} embedded");
            _lineOpen = true;
        }
        else if (seen % LineEvery == 0)
        {
            error.WriteLine($"indexing: {seen} files seen, {embedded} embedded");
        }
    }

    public void Done()
    {
        if (_lineOpen)
            error.WriteLine();
        _lineOpen = false;
    }
}
