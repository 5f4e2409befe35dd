using System.CommandLine;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate init [--example]</c>: creates a store; with <c>--example</c>, fills it with the reference's
/// cross-account example (identity account with users and PlatformRole, target accounts with CrossAccount-B and
/// PlatformResponseRole, an organization with an SCP, and an outsider) and writes a credentials profile for each
/// principal that signs in with a key, so that a new user has something to try.</summary>
internal static class InitCommand
{
    public static Command Build()
    {
        var example = new Option<bool>("--example") { Description = "Create the example organization of the documentation, with credential profiles example-root, example-alex, example-bob and example-outsider." };
        var store = new StoreOptions();
        var command = new Command("init", "Create a store; with --example, fill it with the example organization.") { example };
        store.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            await using var directory = await store.OpenAsync(parse, cancellation);
            if (!parse.GetValue(example))
            {
                await writer.WriteLineAsync($"Store ready: {directory.Description}.");
                return 0;
            }

            var credentials = store.CredentialsPath(parse);
            if (await directory.GetAccountAsync(ExampleOrganization.Management, cancellation) is not null)
            {
                if (!await HoldsTheExampleAsync(directory, cancellation))
                {
                    await error.WriteLineAsync($"{directory.Description} already holds account {ExampleOrganization.Management}, which is not the example's; " +
                                               "use another --data folder for the example.");
                    return 1;
                }

                var rewritten = await ExampleProfiles.WriteMissingAsync(directory, credentials, cancellation);
                await writer.WriteLineAsync($"The example organization is already in {directory.Description}; nothing was created." +
                                            (rewritten.Count > 0 ? $" Wrote the missing profiles {string.Join(", ", rewritten)} to {credentials}." : string.Empty));
                return 0;
            }

            var created = await ExampleOrganization.CreateAsync(directory, cancellationToken: cancellation);
            if (!created.Success)
            {
                await error.WriteLineAsync($"{created.Error!.Code}: {created.Error.Message}");
                return 1;
            }

            await ExampleProfiles.WriteMissingAsync(directory, credentials, cancellation);
            await writer.WriteLineAsync($"Created the example organization {created.Value!.OrganizationId} (root {created.Value.RootId}, OU Workloads {created.Value.WorkloadsOuId}).");
            // The platform checks accounts against the example's permission groups from the start.
            await using (var platform = await PlatformStores.OpenAsync(store.DataDirectory(parse), parse.GetValue(store.Postgres), cancellation))
            {
                await platform.Store.SetPermissionsAsync(ExampleOrganization.PermissionGroupDocument(ExampleOrganization.PermissionGroups.Select(g => g.Sid)), cancellation);
            }

            await writer.WriteLineAsync("Accounts: 111111111111 (management / identity: alex, bob, PlatformRole), 222222222222 (CrossAccount-B, PlatformResponseRole), 333333333333 (PlatformResponseRole missing a group), 444444444444 (outsider).");
            await writer.WriteLineAsync("Stored the example's permission groups as the platform's permission profile.");
            await writer.WriteLineAsync($"Profiles in {credentials}: {string.Join(", ", ExampleProfiles.All.Select(p => p.Name))}.");
            await writer.WriteLineAsync($"Next: crossgate serve{DataArgument(parse, store)}");
            await writer.FlushAsync(cancellation);
            return 0;
        });
        return command;
    }

    private static string DataArgument(ParseResult parse, StoreOptions store) =>
        (parse.GetValue(store.Data) is { Length: > 0 } data ? $" --data {data}" : string.Empty) +
        (parse.GetValue(store.Postgres) is { Length: > 0 } ? " --postgres CONNSTRING" : string.Empty);

    /// <summary>The example's fingerprint: its management account runs an organization and target B has CrossAccount-B.</summary>
    private static async Task<bool> HoldsTheExampleAsync(IDirectoryStore store, CancellationToken cancellation) =>
        await store.GetAccountAsync(ExampleOrganization.TargetB, cancellation) is not null &&
        await store.GetAsync(EntityKinds.Roles, ExampleOrganization.TargetB, EntityKinds.NameKey(ExampleOrganization.CrossAccountRole), cancellation) is not null;
}
