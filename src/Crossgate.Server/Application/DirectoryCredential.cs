using Crossgate.Directory.Gathering;
using Crossgate.Directory.Model;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Application;

/// <summary>A signing credential found in the directory, carrying the caller's gathered context to the handlers, and
/// for temporary credentials the session they belong to.</summary>
public sealed record DirectoryCredential(string AccessKeyId, string SecretAccessKey, CallerIdentity CallerIdentity, CallerContext CallerContext)
    : ResolvedCredential(AccessKeyId, SecretAccessKey, CallerIdentity)
{
    public StsSession? Session { get; init; }
}
