namespace Crossgate.Policies.Parsing;

/// <summary>Checks one Action/NotAction entry the way IAM does: <c>*</c> alone, or <c>vendor:Name</c> with
/// exactly one colon and a vendor made of letters, digits, '-' and '.' (aws-iam-semantics.md §2.2).</summary>
internal static class ActionSyntax
{
    /// <summary>AWS's refusal of the entry, or null when it is well formed.</summary>
    public static string? Problem(string action)
    {
        if (action == "*")
        {
            return null;
        }

        var colon = action.IndexOf(':');
        if (colon < 0)
        {
            return PolicyMessages.ActionNeedsVendor;
        }

        if (action.IndexOf(':', colon + 1) >= 0)
        {
            return PolicyMessages.ActionOneColon;
        }

        var vendor = action.AsSpan(0, colon);
        if (vendor is "*")
        {
            return null;
        }

        foreach (var c in vendor)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.')
            {
                return PolicyMessages.InvalidVendor(vendor.ToString());
            }
        }

        if (vendor.IsEmpty)
        {
            return PolicyMessages.ActionNeedsVendor;
        }

        return null;
    }
}
