namespace Crossgate.Policies.Conditions;

/// <summary>How one request value compares with a condition's policy values, before negation.</summary>
public enum ValueTest
{
    /// <summary>No policy value matches.</summary>
    NoMatch,

    /// <summary>At least one policy value matches.</summary>
    Match,

    /// <summary>The request value is not of the operator's type (e.g. <c>abc</c> for a Numeric operator);
    /// the condition fails for it whether or not the operator is negated.</summary>
    Incomparable,
}
