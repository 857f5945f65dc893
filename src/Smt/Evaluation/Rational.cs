using System.Globalization;
using System.Numerics;

namespace ProofCheck.Smt.Evaluation;

/// <summary>An exact rational number (denominator positive, in lowest terms): SMT-LIB's Int and Real values.</summary>
internal readonly record struct Rational : IComparable<Rational>
{
    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public bool IsInteger => Denominator.IsOne;

    public static Rational Of(BigInteger numerator) => new(numerator, BigInteger.One);

    public static Rational Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        var sign = denominator.Sign;
        return new(sign * numerator / gcd, sign * denominator / gcd);
    }

    /// <summary>A numeral (<c>12</c>) or decimal (<c>2.50</c>) as SMT-LIB writes them.</summary>
    public static Rational Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return Of(BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        var fraction = text[(dot + 1)..];
        return Of(BigInteger.Parse(text[..dot] + fraction, NumberStyles.None, CultureInfo.InvariantCulture), BigInteger.Pow(10, fraction.Length));
    }

    public static Rational operator +(Rational a, Rational b) => Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => a + -b;

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>The largest integer not above this number (SMT-LIB's <c>to_int</c>).</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>Written the way the counterexamples write numbers: <c>-3</c>, <c>-1/2</c>.</summary>
    public override string ToString() => IsInteger
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
