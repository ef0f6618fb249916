namespace Clamp.Training.Loop;

/// <summary>The machine's 1-minute load average (from /proc/loadavg), recorded with every timing so it says what else ran.</summary>
public static class MachineLoad
{
    public static double? OneMinute()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
