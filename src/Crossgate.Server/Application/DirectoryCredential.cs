using Crossgate.Directory.Gathering;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Application;

/// <summary>A signing credential found in the directory, carrying the caller's gathered context to the handlers.</summary>
public sealed record DirectoryCredential(string AccessKeyId, string SecretAccessKey, CallerIdentity CallerIdentity, CallerContext CallerContext)
    : ResolvedCredential(AccessKeyId, SecretAccessKey, CallerIdentity);
