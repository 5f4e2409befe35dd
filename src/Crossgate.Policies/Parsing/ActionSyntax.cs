namespace Crossgate.Policies.Parsing;

/// <summary>Checks one Action/NotAction entry the way IAM does: <c>*</c> alone, or <c>vendor:Name</c> with
/// exactly one colon and a vendor made of letters, digits, '-' and '.' (aws-iam-semantics.md §2.2).</summary>
internal static class ActionSyntax
{
    public static void Check(string action, string path, PolicyErrorList errors)
    {
        if (action == "*")
        {
            return;
        }

        var colon = action.IndexOf(':');
        if (colon < 0)
        {
            errors.Malformed(PolicyMessages.ActionNeedsVendor, path);
            return;
        }

        if (action.IndexOf(':', colon + 1) >= 0)
        {
            errors.Malformed(PolicyMessages.ActionOneColon, path);
            return;
        }

        var vendor = action.AsSpan(0, colon);
        if (vendor is "*")
        {
            return;
        }

        foreach (var c in vendor)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.')
            {
                errors.Malformed(PolicyMessages.InvalidVendor(vendor.ToString()), path);
                return;
            }
        }

        if (vendor.IsEmpty)
        {
            errors.Malformed(PolicyMessages.ActionNeedsVendor, path);
        }
    }
}
