namespace Crossgate.Platform.AccountCheck;

/// <summary>Answers, for a role, whether actions on resources are allowed: IAM's policy simulator behind an
/// endpoint, or the engine over an imported directory.</summary>
public interface IPermissionOracle
{
    Task<IReadOnlyList<ActionVerdict>> EvaluateAsync(string roleArn, IReadOnlyList<string> actions, IReadOnlyList<string> resources, CancellationToken cancellation);
}
