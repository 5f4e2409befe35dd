namespace Crossgate.Analysis.Graph;

/// <summary>An allowing statement the engine matched for an edge: the policy (a managed policy's ARN,
/// <c>OWNER#NAME</c> for an inline policy, <c>ROLE#trust</c> for a trust policy) and its Sid when it has one.</summary>
public sealed record StatementReference(string Policy, string? Sid);
