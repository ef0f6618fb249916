using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>One kern data token read: a note, a chord (several pitches) or a rest (none).</summary>
/// <param name="Duration">In whole notes; zero for a grace note.</param>
/// <param name="Pitches">Written pitches, tied on where the token starts or continues a tie.</param>
/// <param name="Grace">A grace note (<c>q</c>/<c>Q</c>, or no duration), played before the next note.</param>
/// <param name="Invisible">A rest hidden with <c>yy</c>.</param>
internal sealed record KernNote(Fraction Duration, IReadOnlyList<NotePitch> Pitches, bool Grace, bool Invisible)
{
    public bool IsRest => Pitches.Count == 0;
}
