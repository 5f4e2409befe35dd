using System.Globalization;

namespace Crossgate.Server.Signing;

/// <summary>SigV4's ISO-8601 basic timestamp, <c>yyyyMMddTHHmmssZ</c>, always UTC.</summary>
public static class AmzDate
{
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    public static string Of(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>The HTTP <c>Date</c> header form (RFC 1123), accepted when <c>X-Amz-Date</c> is absent.</summary>
    public static bool TryParseHttpDate(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
