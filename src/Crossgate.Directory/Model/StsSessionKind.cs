namespace Crossgate.Directory.Model;

public enum StsSessionKind
{
    /// <summary>AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity.</summary>
    AssumedRole,

    /// <summary>GetFederationToken.</summary>
    FederatedUser,

    /// <summary>GetSessionToken: the user's own permissions with temporary credentials.</summary>
    SessionToken,
}
