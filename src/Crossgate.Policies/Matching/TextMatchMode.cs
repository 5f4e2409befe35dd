namespace Crossgate.Policies.Matching;

/// <summary>How a <see cref="PolicyPattern"/> compares with a request value.</summary>
public enum TextMatchMode
{
    /// <summary>Exact, case-sensitive (StringEquals); <c>*</c> and <c>?</c> are plain characters.</summary>
    Exact,

    /// <summary>Exact, ignoring case (StringEqualsIgnoreCase).</summary>
    IgnoreCase,

    /// <summary>Case-sensitive glob (StringLike, ARN parts).</summary>
    Like,

    /// <summary>Case-insensitive glob (Action).</summary>
    LikeIgnoreCase,
}
