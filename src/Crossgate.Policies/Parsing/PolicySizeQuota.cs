namespace Crossgate.Policies.Parsing;

/// <summary>A size limit on policy text and the refusal AWS gives past it (aws-iam-semantics.md §3.2).
/// IAM counts characters other than whitespace; Organizations counts every character.</summary>
public sealed class PolicySizeQuota
{
    public const string OrganizationsConstraintViolation = "ConstraintViolationException";

    private PolicySizeQuota(int maxCharacters, bool countsWhitespace, string code, string exceededMessage)
    {
        MaxCharacters = maxCharacters;
        CountsWhitespace = countsWhitespace;
        Code = code;
        ExceededMessage = exceededMessage;
    }

    public int MaxCharacters { get; }

    public bool CountsWhitespace { get; }

    public string Code { get; }

    public string ExceededMessage { get; }

    /// <summary>Customer managed policy (CreatePolicy / CreatePolicyVersion): 6,144.</summary>
    public static PolicySizeQuota ManagedPolicy { get; } =
        new(6144, false, PolicyError.LimitExceeded, "Cannot exceed quota for PolicySize: 6144");

    /// <summary>Role trust policy; 2,048 by default, adjustable per account.</summary>
    public static PolicySizeQuota TrustPolicy(int maxCharacters = 2048) =>
        new(maxCharacters, false, PolicyError.LimitExceeded, $"Cannot exceed quota for ACLSizePerRole: {maxCharacters}");

    /// <summary>All inline policies of one user together: 2,048.</summary>
    public static PolicySizeQuota InlineUserPolicies(string userName) => Inline(2048, "user", userName);

    /// <summary>All inline policies of one group together: 5,120.</summary>
    public static PolicySizeQuota InlineGroupPolicies(string groupName) => Inline(5120, "group", groupName);

    /// <summary>All inline policies of one role together: 10,240.</summary>
    public static PolicySizeQuota InlineRolePolicies(string roleName) => Inline(10240, "role", roleName);

    /// <summary>SCP or RCP content; whitespace counts. 5,120 historically (AWS raised SCPs to 10,240 in 2026).</summary>
    public static PolicySizeQuota OrganizationsPolicy(int maxCharacters = 5120) =>
        new(maxCharacters, true, OrganizationsConstraintViolation, "You have exceeded the maximum policy size.");

    /// <summary>The size of <paramref name="text"/> as this quota counts it.</summary>
    public int Measure(ReadOnlySpan<char> text)
    {
        if (CountsWhitespace)
        {
            return text.Length;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (!IsJsonWhitespace(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The size of UTF-8 text as this quota counts it: one per character, not per byte.</summary>
    public int Measure(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            // Continuation bytes (10xxxxxx) belong to the character already counted.
            if ((b & 0xC0) == 0x80 || (!CountsWhitespace && IsJsonWhitespace((char)b)))
            {
                continue;
            }

            count++;
        }

        return count;
    }

    public PolicyError? Check(ReadOnlySpan<char> text) => CheckSize(Measure(text));

    public PolicyError? Check(ReadOnlySpan<byte> utf8) => CheckSize(Measure(utf8));

    /// <summary>Checks an already measured size, e.g. the sum over all inline policies of an entity.</summary>
    public PolicyError? CheckSize(int size) =>
        size > MaxCharacters ? new PolicyError(Code, ExceededMessage, JsonPath.Root) : null;

    private static PolicySizeQuota Inline(int max, string entityType, string name) =>
        new(max, false, PolicyError.LimitExceeded, $"Maximum policy size of {max} bytes exceeded for {entityType} {name}");

    private static bool IsJsonWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';
}
