using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>What a kern barline token (<c>=12</c>, <c>==</c>, <c>=:|!</c>, <c>=||</c>, <c>=!|:</c>) says about the bars around it.</summary>
/// <param name="Style">The line closing the bar before it.</param>
/// <param name="RepeatEnd">The bar before it is repeated.</param>
/// <param name="RepeatStart">A repeat starts with the bar after it.</param>
internal sealed record KernBarline(BarStyle Style, bool RepeatEnd, bool RepeatStart)
{
    public static KernBarline Parse(string token)
    {
        var style = token.StartsWith("==", StringComparison.Ordinal) ? BarStyle.Final
            : token.Contains("||", StringComparison.Ordinal) ? BarStyle.Double
            : BarStyle.Regular;
        var repeatEnd = token.Contains(":|", StringComparison.Ordinal) || token.Contains(":!", StringComparison.Ordinal);
        var repeatStart = token.Contains("|:", StringComparison.Ordinal) || token.Contains("!:", StringComparison.Ordinal);
        return new KernBarline(style, repeatEnd, repeatStart);
    }
}
