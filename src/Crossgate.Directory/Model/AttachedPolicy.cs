namespace Crossgate.Directory.Model;

/// <summary>A managed policy attached to a user, group or role (AWS's <c>AttachedManagedPolicies</c> entry).</summary>
public sealed record AttachedPolicy(string PolicyName, string PolicyArn);
