using Crossgate.Cli.Commands;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;

namespace Crossgate.Cli.Serving;

/// <summary>What <c>crossgate serve</c> prints once it listens: the credentials file, each of its profiles whose key
/// this store knows, with the principal it signs in as and one AWS CLI command to try with it.</summary>
internal static class ServedProfiles
{
    public static async Task WriteAsync(IDirectoryStore store, string credentialsPath, string endpoint, TextWriter output, CancellationToken cancellationToken = default)
    {
        var known = new List<(string Profile, string Arn)>();
        foreach (var (profile, accessKeyId) in SharedCredentialsFile.ReadProfiles(credentialsPath))
        {
            var key = await store.FindByUniqueIdAsync(EntityKinds.AccessKeys, accessKeyId, cancellationToken);
            if (key?.Value is { Status: AccessKeyStatus.Active } entity)
            {
                known.Add((profile, RootAccessKeys.IsRootKey(entity) ? $"arn:aws:iam::{entity.AccountId}:root" : $"arn:aws:iam::{entity.AccountId}:user/{entity.UserName}"));
            }
        }

        if (known.Count == 0)
        {
            output.WriteLine($"No profile in {credentialsPath} signs in to this store (it was made elsewhere); create one with 'crossgate admin create-account'.");
            output.WriteLine($"aws --endpoint-url {endpoint} sts get-caller-identity");
            return;
        }

        var first = known.FirstOrDefault(k => k.Profile == ServeCommand.Profile).Profile ?? known[0].Profile;
        output.WriteLine($"export AWS_SHARED_CREDENTIALS_FILE={credentialsPath} AWS_PROFILE={first}");
        output.WriteLine($"Profiles in {credentialsPath}, with a command to try:");
        var width = known.Max(k => k.Profile.Length);
        foreach (var (profile, arn) in known)
        {
            var tryArguments = ExampleProfiles.Find(profile)?.TryArguments ?? "sts get-caller-identity";
            output.WriteLine($"  {profile.PadRight(width)}  {arn}");
            output.WriteLine($"  {new string(' ', width)}  aws --endpoint-url {endpoint} --profile {profile} {tryArguments}");
        }
    }
}
