using System.CommandLine;
using Crossgate.Directory.Examples;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate init --example</c>: creates the reference's cross-account example (identity account with
/// users and PlatformRole, target accounts with CrossAccount-B and PlatformResponseRole, an organization with an SCP,
/// and an outsider) so that a new user has something to look at.</summary>
internal static class InitCommand
{
    public static Command Build()
    {
        var example = new Option<bool>("--example") { Description = "Create the example organization of the documentation." };
        var store = new StoreOptions();
        var command = new Command("init", "Prepare a store; with --example, fill it with the example organization.") { example };
        store.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var writer = parse.InvocationConfiguration.Output;
            await using var directory = await store.OpenAsync(parse, cancellation);
            if (!parse.GetValue(example))
            {
                await writer.WriteLineAsync("Store ready.");
                return 0;
            }

            var created = await ExampleOrganization.CreateAsync(directory, cancellationToken: cancellation);
            if (!created.Success)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"{created.Error!.Code}: {created.Error.Message}");
                return 1;
            }

            await writer.WriteLineAsync($"Created the example organization {created.Value!.OrganizationId} (root {created.Value.RootId}, OU Workloads {created.Value.WorkloadsOuId}).");
            // The platform checks accounts against the example's permission groups from the start.
            await using (var platform = await PlatformStores.OpenAsync(store.DataDirectory(parse), parse.GetValue(store.Postgres), cancellation))
            {
                await platform.Store.SetPermissionsAsync(ExampleOrganization.PermissionGroupDocument(ExampleOrganization.PermissionGroups.Select(g => g.Sid)), cancellation);
            }

            await writer.WriteLineAsync("Accounts: 111111111111 (management / identity: alex, bob, PlatformRole), 222222222222 (CrossAccount-B, PlatformResponseRole), 333333333333 (PlatformResponseRole missing a group), 444444444444 (outsider).");
            await writer.WriteLineAsync("Stored the example's permission groups as the platform's permission profile.");
            await writer.FlushAsync(cancellation);
            return 0;
        });
        return command;
    }
}
