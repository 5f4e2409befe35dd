using System.Diagnostics.CodeAnalysis;

namespace Crossgate.Policies.Matching;

/// <summary>An ARN taken apart: <c>arn:partition:service:region:account:resource</c>. The resource part is
/// everything after the fifth colon and may itself hold <c>:</c> and <c>/</c>.</summary>
public sealed record Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out Arn? arn)
    {
        arn = null;
        if (text is null || !TrySplit(text, out var parts))
        {
            return false;
        }

        arn = new Arn(text[parts.Partition], text[parts.Service], text[parts.Region], text[parts.Account], text[parts.Resource]);
        return true;
    }

    /// <summary>Splits without allocating. Fails unless the text starts with <c>arn:</c> and has at least
    /// five colons.</summary>
    public static bool TrySplit(ReadOnlySpan<char> text, out ArnRanges ranges)
    {
        ranges = default;
        if (!text.StartsWith("arn:"))
        {
            return false;
        }

        Span<int> colons = stackalloc int[5];
        var found = 0;
        for (var i = 0; i < text.Length && found < 5; i++)
        {
            if (text[i] == ':')
            {
                colons[found++] = i;
            }
        }

        if (found < 5)
        {
            return false;
        }

        ranges = new ArnRanges(
            new Range(colons[0] + 1, colons[1]),
            new Range(colons[1] + 1, colons[2]),
            new Range(colons[2] + 1, colons[3]),
            new Range(colons[3] + 1, colons[4]),
            new Range(colons[4] + 1, text.Length));
        return true;
    }
}

/// <summary>Where each part of an ARN lies in its text.</summary>
public readonly record struct ArnRanges(Range Partition, Range Service, Range Region, Range Account, Range Resource);
