namespace Clamp.Music.Tests.Kern;

/// <summary>
/// Counts the measures of a kern file independently of the converter: stretches between barlines (<c>=</c> lines)
/// that hold at least one data line with a token other than the null token <c>.</c>.
/// </summary>
public static class KernMeasureCounter
{
    public static int Count(string text)
    {
        var count = 0;
        var hasData = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] is '!' or '*')
            {
                continue;
            }

            if (line[0] == '=')
            {
                count += hasData ? 1 : 0;
                hasData = false;
            }
            else
            {
                hasData |= line.Split('\t').Any(token => token != ".");
            }
        }

        return count + (hasData ? 1 : 0);
    }
}
