using Crossgate.Directory;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Services.Organizations;

/// <summary>Organizations' errors with AWS's codes, texts and (where the API has one) <c>Reason</c>. Every
/// Organizations error is a 400.</summary>
public static class OrganizationsErrors
{
    public const string MemberAccessDeniedMessage = "You don't have permissions to access this resource.";

    public static AwsError NotInUse() =>
        new("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 400);

    /// <summary>A member account calling an operation only the management account may call.</summary>
    public static AwsError MemberAccessDenied() => new("AccessDeniedException", MemberAccessDeniedMessage, 400);

    public static AwsError AlreadyInOrganization() =>
        new("AlreadyInOrganizationException", "The AWS account is already a member of an organization.", 400);

    public static AwsError InvalidInput(string reason, string message) =>
        new AwsError("InvalidInputException", message, 400).WithField("Reason", reason);

    public static AwsError InputRequired(string name) =>
        InvalidInput("INPUT_REQUIRED", $"You must specify a value for {name}.");

    public static AwsError InvalidPattern(string name) =>
        InvalidInput("INVALID_PATTERN", $"You provided a value for {name} that does not match the required pattern.");

    public static AwsError InvalidNextToken() =>
        InvalidInput("INVALID_NEXT_TOKEN", "You specified an invalid value for the NextToken parameter.");

    public static AwsError ConstraintViolation(string reason, string message) =>
        new AwsError("ConstraintViolationException", message, 400).WithField("Reason", reason);

    public static AwsError AccountNotFound() =>
        new("AccountNotFoundException", "We can't find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization.", 400);

    public static AwsError ParentNotFound() =>
        new("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 400);

    public static AwsError SourceParentNotFound() =>
        new("SourceParentNotFoundException", "We can't find a source root or OU with the ParentId that you specified.", 400);

    public static AwsError DuplicateAccount() =>
        new("DuplicateAccountException", "That account is already present in the specified destination.", 400);

    public static AwsError PolicyNotFound() =>
        new("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.", 400);

    public static AwsError RootNotFound() =>
        new("RootNotFoundException", "We can't find a root with the RootId that you specified.", 400);

    public static AwsError PolicyTypeAlreadyEnabled() =>
        new("PolicyTypeAlreadyEnabledException", "The specified policy type is already enabled.", 400);

    public static AwsError CreateAccountStatusNotFound() =>
        new("CreateAccountStatusNotFoundException", "We can't find an create account request with the CreateAccountRequestId that you specified.", 400);

    public static AwsError ConcurrentModification() =>
        new("ConcurrentModificationException", "The target of the operation is currently being modified by a different request. Try again later.", 400);

    public static AwsError MasterCannotLeave() =>
        new("MasterCannotLeaveOrganizationException", "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account.", 400);

    public static AwsError ImmutablePolicy() =>
        InvalidInput("IMMUTABLE_POLICY", "You specified a policy that is managed by AWS and can't be modified.");

    /// <summary>The directory's refusals already carry Organizations' codes and texts.</summary>
    /// <remarks>The directory's shared <c>ConcurrentModification</c> (IAM's code) becomes Organizations' own.</remarks>
    public static AwsError From(IamError error) =>
        error.Code == IamError.ConcurrentModificationCode ? ConcurrentModification() : new(error.Code, error.Message, error.HttpStatus);
}
