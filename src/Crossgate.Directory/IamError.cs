namespace Crossgate.Directory;

/// <summary>A refusal as IAM, STS or Organizations gives it: the wire error code, AWS's message, and the HTTP
/// status the endpoint should answer with. The directory returns these as values and never throws them.</summary>
public sealed record IamError(string Code, string Message, int HttpStatus)
{
    public const string NoSuchEntityCode = "NoSuchEntity";
    public const string EntityAlreadyExistsCode = "EntityAlreadyExists";
    public const string LimitExceededCode = "LimitExceeded";
    public const string DeleteConflictCode = "DeleteConflict";
    public const string MalformedPolicyDocumentCode = "MalformedPolicyDocument";
    public const string ValidationErrorCode = "ValidationError";
    public const string InvalidInputCode = "InvalidInput";
    public const string PasswordPolicyViolationCode = "PasswordPolicyViolation";
    public const string ConcurrentModificationCode = "ConcurrentModification";
    public const string UnmodifiableEntityCode = "UnmodifiableEntity";
    public const string PolicyNotAttachableCode = "PolicyNotAttachable";

    public static IamError NoSuchEntity(string message) => new(NoSuchEntityCode, message, 404);

    public static IamError EntityAlreadyExists(string message) => new(EntityAlreadyExistsCode, message, 409);

    public static IamError LimitExceeded(string message) => new(LimitExceededCode, message, 409);

    public static IamError DeleteConflict(string message) => new(DeleteConflictCode, message, 409);

    public static IamError MalformedPolicyDocument(string message) => new(MalformedPolicyDocumentCode, message, 400);

    public static IamError InvalidInput(string message) => new(InvalidInputCode, message, 400);

    public static IamError PasswordPolicyViolation(string message) => new(PasswordPolicyViolationCode, message, 400);

    public static IamError ConcurrentModification(string message) => new(ConcurrentModificationCode, message, 409);

    public static IamError UnmodifiableEntity(string message) => new(UnmodifiableEntityCode, message, 400);

    public static IamError PolicyNotAttachable(string message) => new(PolicyNotAttachableCode, message, 400);

    /// <summary>AWS's constraint failure: "1 validation error detected: …" (several are joined by "; ").</summary>
    public static IamError Validation(IReadOnlyList<string> failures)
    {
        var count = failures.Count;
        var head = count == 1 ? "1 validation error detected: " : $"{count} validation errors detected: ";
        return new(ValidationErrorCode, head + string.Join("; ", failures), 400);
    }

    public override string ToString() => $"{Code} ({HttpStatus}): {Message}";
}
