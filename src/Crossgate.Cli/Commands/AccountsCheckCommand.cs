using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crossgate.Cli.Input;
using Crossgate.Cli.Output;
using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;
using Spectre.Console;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts check [ALIAS...] --profile POLICY.json [--optional SID]... [--offline]</c>: assumes
/// each registered role and asks, group by group, whether it grants the profile. Exit 0 when every required group of
/// every account is granted, 1 otherwise, 2 on bad usage.</summary>
internal static class AccountsCheckCommand
{
    /// <summary>Accounts checked at once: enough to cover latency, few enough not to be throttled.</summary>
    private const int Parallelism = 8;

    public static Command Build()
    {
        var options = new AccountsOptions();
        var aliases = new Argument<string[]>("ALIAS") { Description = "Registered accounts to check (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var profile = new Option<string>("--profile") { Description = "The permission profile: a policy whose statement Sids name the groups.", Required = true };
        var optional = new Option<string[]>("--optional") { Description = "A group (Sid) that need not be granted; repeatable.", AllowMultipleArgumentsPerToken = false };
        var offline = new Option<bool>("--offline") { Description = "Check with the engine over the imported directory in --data instead of the endpoint." };
        var callerArn = new Option<string?>("--caller-arn") { Description = "With --offline: the platform's identity (user, role or root ARN); the engine then decides sts:AssumeRole for it as STS would." };
        var output = CheckOutputOption();
        var command = new Command("check", "Check that each account's role grants every permission group of a profile.") { aliases, profile, optional, offline, callerArn, output };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = LoadProfile(parse.GetValue(profile)!, parse.GetValue(optional) ?? [], parse.InvocationConfiguration.Error);
            if (loaded is null)
            {
                return CrossgateCli.UsageError;
            }

            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var selected = await SelectAsync(registry, parse.GetValue(aliases) ?? [], parse.InvocationConfiguration.Error, cancellation);
            if (selected is null)
            {
                return CrossgateCli.UsageError;
            }

            if (parse.GetValue(callerArn) is not null && !parse.GetValue(offline))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--caller-arn applies to --offline checks; online, STS itself decides for the credentials in use.");
                return CrossgateCli.UsageError;
            }

            var results = await RunAsync(selected, loaded, options, parse, parse.GetValue(offline), cancellation, parse.GetValue(callerArn));
            if (results is null)
            {
                return CrossgateCli.UsageError;
            }

            foreach (var result in results)
            {
                await registry.RecordCheckAsync(result.Alias, RegistryAccountCheck.Summarize(result), DateTimeOffset.UtcNow, cancellation);
            }

            Write(results, IsJson(parse.GetValue(output)), parse.InvocationConfiguration.Output);
            return results.All(r => r.AllRequiredGranted) ? 0 : 1;
        });
        return command;
    }

    public static Option<string> CheckOutputOption() => OutputFormatOption.Create();

    public static bool IsJson(string? value) => OutputFormatOption.Parse(value) == OutputFormat.Json;

    /// <summary>Reads the profile file; on failure writes why and returns null.</summary>
    public static PermissionProfile? LoadProfile(string path, IReadOnlyCollection<string> optionalSids, TextWriter error)
    {
        if (InputFile.Problem(path) is { } problem)
        {
            error.WriteLine(problem);
            return null;
        }

        var (profile, policyError) = PermissionProfile.Parse(File.ReadAllText(path), new HashSet<string>(optionalSids, StringComparer.Ordinal));
        if (profile is null)
        {
            error.WriteLine($"The profile '{path}' is not a valid identity policy: {policyError}");
            return null;
        }

        var unknown = optionalSids.Where(s => !profile.Groups.Any(g => g.Sid == s)).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"--optional names groups the profile does not have: {string.Join(", ", unknown)}. Its groups are: {string.Join(", ", profile.Groups.Select(g => g.Sid))}.");
            return null;
        }

        return profile;
    }

    private static async Task<IReadOnlyList<RegisteredAccount>?> SelectAsync(AccountRegistry registry, string[] aliases, TextWriter error, CancellationToken cancellation)
    {
        if (aliases.Length == 0)
        {
            var all = await registry.ListAsync(cancellation);
            if (all.Count == 0)
            {
                error.WriteLine($"No accounts are registered in {registry.Path}; add some with 'crossgate accounts add' or 'crossgate accounts discover'.");
                return null;
            }

            return all;
        }

        var selected = new List<RegisteredAccount>();
        foreach (var alias in aliases)
        {
            var account = await registry.GetAsync(alias, cancellation);
            if (account is null)
            {
                error.WriteLine($"No account is registered as '{alias}'.");
                return null;
            }

            selected.Add(account);
        }

        return selected;
    }

    /// <summary>Checks the accounts online (endpoint) or offline (directory in --data); null after writing a usage
    /// problem (no credentials, say).</summary>
    public static async Task<IReadOnlyList<AccountCheckResult>?> RunAsync(
        IReadOnlyList<RegisteredAccount> accounts, PermissionProfile profile, AccountsOptions options, ParseResult parse, bool offline, CancellationToken cancellation,
        string? callerArn = null)
    {
        if (offline)
        {
            if (StoreOptions.MissingStoreMessage(parse.GetValue(options.Data)!) is { } missing)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(missing);
                return null;
            }

            await using var store = await DirectoryStoreFactory.OpenAsync(parse.GetValue(options.Data), null, cancellation);
            var gatherer = new PolicyGatherer(store);
            var offlineResults = new List<AccountCheckResult>();
            foreach (var account in accounts)
            {
                offlineResults.Add(await RegistryAccountCheck.CheckOfflineAsync(account, profile, gatherer, DateTimeOffset.UtcNow, cancellation, callerArn));
            }

            return offlineResults;
        }

        var (target, credentials) = options.Connect(parse);
        if (target is null || credentials is null)
        {
            return null;
        }

        var probe = new AssumabilityProbe(target, credentials, AccountsOptions.Http);
        using var gate = new SemaphoreSlim(Parallelism);
        async Task<AccountCheckResult> CheckOne(RegisteredAccount account)
        {
            await gate.WaitAsync(cancellation);
            try
            {
                return await RegistryAccountCheck.CheckOnlineAsync(
                    account, profile, probe, session => new SimulatorPermissionOracle(IamClient.Create(AccountsOptions.Http, target, session)), cancellation);
            }
            finally
            {
                gate.Release();
            }
        }

        return await Task.WhenAll(accounts.Select(CheckOne));
    }

    public static void Write(IReadOnlyList<AccountCheckResult> results, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(ToJson(results).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            output.Flush();
            return;
        }

        var console = CliOutput.Console(output);
        foreach (var result in results)
        {
            console.MarkupLine($"[bold]{Markup.Escape(result.Alias)}[/] {Markup.Escape(result.AccountId)} {Markup.Escape(result.RoleArn)}: " +
                               (result.Assumable ? "[green]assumable[/]" : "[red]not assumable[/]"));
            if (result.Reason is not null)
            {
                console.WriteLine("  " + result.Reason.Replace("\n", "\n  ", StringComparison.Ordinal));
            }

            var table = new Table().AddColumns("Group", "Status", "Missing actions", "Conditions", "Reasons");
            foreach (var group in result.Groups)
            {
                table.AddRow(
                    Markup.Escape(group.Sid + (group.Optional ? " (optional)" : string.Empty)),
                    Markup.Escape(group.Status.ToWireName()),
                    Markup.Escape(string.Join("\n", group.MissingActions)),
                    Markup.Escape(string.Join("\n", group.Conditions)),
                    Markup.Escape(string.Join("\n", group.Reasons)));
            }

            console.Write(table);
        }

        output.Flush();
    }

    /// <summary>The documented JSON shape: one object per account, every key always present.</summary>
    public static JsonArray ToJson(IReadOnlyList<AccountCheckResult> results)
    {
        var array = new JsonArray();
        foreach (var result in results)
        {
            var groups = new JsonArray();
            foreach (var group in result.Groups)
            {
                groups.Add((JsonNode)new JsonObject
                {
                    ["sid"] = group.Sid,
                    ["status"] = group.Status.ToWireName(),
                    ["missingActions"] = new JsonArray([.. group.MissingActions.Select(a => (JsonNode?)JsonValue.Create(a))]),
                    ["conditions"] = new JsonArray([.. group.Conditions.Select(c => (JsonNode?)JsonValue.Create(c))]),
                    ["reasons"] = new JsonArray([.. group.Reasons.Select(r => (JsonNode?)JsonValue.Create(r))]),
                });
            }

            array.Add((JsonNode)new JsonObject
            {
                ["alias"] = result.Alias,
                ["accountId"] = result.AccountId,
                ["roleArn"] = result.RoleArn,
                ["assumable"] = result.Assumable,
                ["reason"] = result.Reason,
                ["groups"] = groups,
            });
        }

        return array;
    }
}
