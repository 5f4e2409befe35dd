namespace Crossgate.Policies.Parsing;

/// <summary>Statement IDs must be unique within a policy; each statement repeating an earlier Sid is a fault.</summary>
internal static class RepeatedSids
{
    // Typical documents have a handful of statements; comparing with the earlier Sids avoids building a set.
    private const int SetThreshold = 32;

    public static bool Any(StatementLayout[] layouts)
    {
        HashSet<string>? seen = layouts.Length > SetThreshold ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < layouts.Length; i++)
        {
            if (Repeats(layouts, i, seen))
            {
                return true;
            }
        }

        return false;
    }

    public static void Report(StatementLayout[] layouts, PolicyErrorList errors)
    {
        HashSet<string>? seen = layouts.Length > SetThreshold ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < layouts.Length; i++)
        {
            if (Repeats(layouts, i, seen))
            {
                errors.Malformed(PolicyMessages.SidNotUnique, layouts[i].SidPath);
            }
        }
    }

    /// <summary>Whether statement <paramref name="index"/> has a non-empty Sid that an earlier one has too.</summary>
    private static bool Repeats(StatementLayout[] layouts, int index, HashSet<string>? seen)
    {
        var sid = layouts[index].Statement.Sid;
        if (string.IsNullOrEmpty(sid))
        {
            return false;
        }

        if (seen is not null)
        {
            return !seen.Add(sid);
        }

        for (var j = 0; j < index; j++)
        {
            if (string.Equals(layouts[j].Statement.Sid, sid, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
