using System.Globalization;

namespace Crossgate.Policies.Conditions;

/// <summary>Date condition values: W3C/ISO 8601 date-times or epoch seconds (both accepted in policies and in the
/// request context, e.g. <c>aws:CurrentTime</c> vs <c>aws:EpochTime</c>), normalised to UTC ticks.</summary>
public static class PolicyDate
{
    public static bool TryParse(ReadOnlySpan<char> text, out long utcTicks)
    {
        utcTicks = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        if (LooksLikeEpoch(text))
        {
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                return false;
            }

            // Beyond DateTime's range anyway; checked first so the tick product cannot overflow.
            if (Math.Abs(seconds) > 1_000_000_000_000m)
            {
                return false;
            }

            var ticks = seconds * TimeSpan.TicksPerSecond + DateTime.UnixEpoch.Ticks;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            utcTicks = (long)ticks;
            return true;
        }

        // Values without an offset are UTC, as AWS treats them.
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return false;
        }

        utcTicks = date.UtcTicks;
        return true;
    }

    /// <summary>Digits with at most one '.', optionally signed: epoch seconds rather than an ISO date.</summary>
    private static bool LooksLikeEpoch(ReadOnlySpan<char> text)
    {
        var start = text[0] is '-' or '+' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        var dots = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return dots <= 1;
    }
}
