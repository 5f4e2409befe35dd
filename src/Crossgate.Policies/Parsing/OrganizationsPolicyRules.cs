namespace Crossgate.Policies.Parsing;

/// <summary>Rules shared by the Organizations policy types (SCP, RCP).</summary>
internal static class OrganizationsPolicyRules
{
    /// <summary>Every SCP and RCP must carry <c>"Version": "2012-10-17"</c>.</summary>
    public static void RequireCurrentVersion(PolicyReadResult read, PolicyErrorList errors)
    {
        if (read.Version == PolicyDocument.CurrentVersion)
        {
            return;
        }

        var path = read.HasVersion ? JsonPath.Property(JsonPath.Root, "Version") : JsonPath.Root;
        errors.Malformed(PolicyMessages.OrganizationsPolicyTypeMismatch, path);
    }
}
