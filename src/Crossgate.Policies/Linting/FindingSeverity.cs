namespace Crossgate.Policies.Linting;

/// <summary>The finding types of IAM Access Analyzer's ValidatePolicy: an error is a part of the policy that does
/// not work; a security warning is access that is likely broader than meant; a warning breaks best practice; a
/// suggestion is stylistic and does not change access.</summary>
public enum FindingSeverity
{
    Error,
    SecurityWarning,
    Warning,
    Suggestion,
}
