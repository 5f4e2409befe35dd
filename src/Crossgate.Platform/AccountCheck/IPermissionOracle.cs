using Crossgate.Policies;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Answers, for a role, whether actions on resources are allowed: IAM's policy simulator behind an
/// endpoint, or the engine over an imported directory.</summary>
public interface IPermissionOracle
{
    /// <summary>One verdict per (action, resource) pair, in any order.</summary>
    Task<IReadOnlyList<ActionVerdict>> EvaluateAsync(string roleArn, IReadOnlyList<(string Action, string Resource)> questions, CancellationToken cancellation);

    /// <summary>The statements of the role's own identity policies, to compare the conditions of its grants with
    /// the profile's; null when they cannot be read.</summary>
    Task<IReadOnlyList<Statement>?> RoleStatementsAsync(string roleArn, CancellationToken cancellation);
}
