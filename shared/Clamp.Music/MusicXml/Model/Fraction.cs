namespace Clamp.Music.MusicXml.Model;

/// <summary>An exact rational time value, in whole notes (1/4 is a quarter note). Always reduced, denominator positive.</summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    public Fraction(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            throw new DivideByZeroException("A fraction cannot have a zero denominator.");
        }

        var sign = denominator < 0 ? -1 : 1;
        var divisor = Gcd(Math.Abs(numerator), Math.Abs(denominator));
        Numerator = checked(sign * numerator / divisor);
        Denominator = checked(sign * denominator / divisor);
    }

    public long Numerator { get; }

    public long Denominator { get; }

    public static Fraction Zero => new(0, 1);

    public bool IsZero => Numerator == 0;

    public bool IsPositive => Numerator > 0;

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(checked((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator)), checked(a.Denominator * b.Denominator));

    public static Fraction operator -(Fraction a, Fraction b) =>
        new(checked((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator)), checked(a.Denominator * b.Denominator));

    public static Fraction operator *(Fraction a, Fraction b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));

    public static Fraction operator /(Fraction a, Fraction b) =>
        new(checked(a.Numerator * b.Denominator), checked(a.Denominator * b.Numerator));

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public static Fraction Max(Fraction a, Fraction b) => a >= b ? a : b;

    public static Fraction Min(Fraction a, Fraction b) => a <= b ? a : b;

    public int CompareTo(Fraction other) =>
        ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    public override string ToString() => Denominator == 1 ? $"{Numerator}" : $"{Numerator}/{Denominator}";

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a == 0 ? 1 : a;
    }
}
