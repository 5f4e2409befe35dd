using Crossgate.Directory.Examples;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;

namespace Crossgate.Cli.Commands;

/// <summary>The credential profiles <c>crossgate init --example</c> writes, one per principal of the example
/// organization that signs in with a long-term key, and the command worth trying first with each.</summary>
internal static class ExampleProfiles
{
    private const string AssumeCrossAccountB =
        "sts assume-role --role-arn arn:aws:iam::" + ExampleOrganization.TargetB + ":role/" + ExampleOrganization.CrossAccountRole + " --role-session-name try";

    /// <param name="UserName">The IAM user, or null for the account's root user.</param>
    /// <param name="TryArguments">AWS CLI arguments showing what the principal can (or cannot) do.</param>
    public sealed record Profile(string Name, string AccountId, string? UserName, string TryArguments);

    public static IReadOnlyList<Profile> All { get; } =
    [
        new("example-root", ExampleOrganization.Management, null, "organizations list-accounts --query 'Accounts[].[Id,Name]'"),
        new("example-alex", ExampleOrganization.Management, "alex", AssumeCrossAccountB + "   # refused: alex has no sts:AssumeRole"),
        new("example-bob", ExampleOrganization.Management, "bob", AssumeCrossAccountB + "   # allowed: bob is an administrator"),
        new("example-outsider", ExampleOrganization.Outsider, null, "sts get-caller-identity"),
    ];

    public static Profile? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>Creates an access key for every example profile missing from the credentials file and writes it
    /// there; returns the names written. Secrets go only to the file, which only its owner may read.</summary>
    public static async Task<IReadOnlyList<string>> WriteMissingAsync(IDirectoryStore store, string credentialsPath, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var iam = new IamDirectory(store);
        foreach (var profile in All)
        {
            if (SharedCredentialsFile.HasProfile(credentialsPath, profile.Name))
            {
                continue;
            }

            string accessKeyId, secret;
            if (profile.UserName is null)
            {
                var key = await RootAccessKeys.CreateAsync(store, profile.AccountId, cancellationToken: cancellationToken);
                (accessKeyId, secret) = (key.AccessKeyId, key.SecretAccessKey);
            }
            else
            {
                var created = await iam.CreateAccessKeyAsync(profile.AccountId, profile.UserName, cancellationToken: cancellationToken);
                if (!created.Success)
                {
                    throw new InvalidOperationException($"Could not create an access key for {profile.UserName}: {created.Error!.Message}");
                }

                (accessKeyId, secret) = (created.Value!.AccessKeyId, created.Value.SecretAccessKey);
            }

            SharedCredentialsFile.SetProfile(credentialsPath, profile.Name, accessKeyId, secret);
            written.Add(profile.Name);
        }

        return written;
    }
}
