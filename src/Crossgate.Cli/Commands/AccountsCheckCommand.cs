using System.CommandLine;
using System.Text.Json;
using Crossgate.Cli.Output;
using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts check [ALIAS...] --permissions FILE [--optional SID]... [--offline] [--verbose]</c>:
/// assumes each registered role and asks, group by group, whether it grants the permission profile. Exit 0 when every
/// account is ready (every required group granted), 1 otherwise, 2 on bad usage.</summary>
internal static class AccountsCheckCommand
{
    /// <summary>Accounts checked at once: enough to cover latency, few enough not to be throttled.</summary>
    private const int Parallelism = 8;

    public static Command Build()
    {
        var options = new AccountsOptions();
        var aliases = new Argument<string[]>("ALIAS") { Description = "Registered accounts to check (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var profile = PermissionsOption(required: true);
        var optional = new Option<string[]>("--optional") { Description = "A group (Sid) that need not be granted; repeatable.", AllowMultipleArgumentsPerToken = false };
        var offline = new Option<bool>("--offline") { Description = "Check with the engine over the imported directory in --data instead of the endpoint." };
        var callerArn = new Option<string?>("--caller-arn") { Description = "With --offline: the platform's identity (user, role or root ARN); the engine then decides sts:AssumeRole for it as STS would." };
        var verbose = VerboseOption();
        var output = CheckOutputOption();
        var command = new Command("check", "Check that each account's role grants every permission group of a profile.") { aliases, profile, optional, offline, callerArn, verbose, output };
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

            // One transaction for the run: one disk flush, not one per account.
            await registry.RecordChecksAsync([.. results.Select(r => (r.Alias, RegistryAccountCheck.Summarize(r)))], DateTimeOffset.UtcNow, cancellation);

            Write(results, IsJson(parse.GetValue(output)), parse.InvocationConfiguration.Output, parse.GetValue(verbose));
            return results.All(r => r.AllRequiredGranted) ? 0 : 1;
        });
        return command;
    }

    /// <summary><c>--permissions FILE</c>: the permission profile (<c>--profile</c> is the AWS credentials profile,
    /// as in every AWS tool).</summary>
    public static Option<string> PermissionsOption(bool required) => new("--permissions")
    {
        Description = "The permission profile: a policy whose statement Sids name the permission groups.",
        Required = required,
    };

    public static Option<bool> VerboseOption() => new("--verbose", "-v") { Description = "List granted groups one by one too." };

    public static Option<string> CheckOutputOption()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: table (for people) or json (for scripts).",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "text", "json");
        return option;
    }

    public static bool IsJson(string? value) => string.Equals(value, "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the profile file; on failure writes why and returns null.</summary>
    public static PermissionProfile? LoadProfile(string path, IReadOnlyCollection<string> optionalSids, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"The permission profile '{path}' (--permissions) does not exist.");
            return null;
        }

        var (profile, policyError) = PermissionProfile.Parse(File.ReadAllText(path), new HashSet<string>(optionalSids, StringComparer.Ordinal));
        if (profile is null)
        {
            error.WriteLine($"The permission profile '{path}' is not a valid identity policy: {policyError}");
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

    private static async Task<IReadOnlyList<RegisteredAccount>?> SelectAsync(IAccountRegistry registry, string[] aliases, TextWriter error, CancellationToken cancellation)
    {
        if (aliases.Length == 0)
        {
            var all = await registry.ListAsync(cancellation);
            if (all.Count == 0)
            {
                error.WriteLine($"No accounts are registered in {registry.Description}; add some with 'crossgate accounts add' or 'crossgate accounts discover'.");
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
            await using var store = await DirectoryStoreFactory.OpenAsync(parse.GetValue(options.Data), parse.GetValue(options.Postgres), cancellation);
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
        var organization = ServiceControlPolicyFinder.Create(AccountsOptions.Http, target, credentials);
        using var gate = new SemaphoreSlim(Parallelism);
        async Task<AccountCheckResult> CheckOne(RegisteredAccount account)
        {
            await gate.WaitAsync(cancellation);
            try
            {
                return await RegistryAccountCheck.CheckOnlineAsync(
                    account, profile, probe,
                    session => new SimulatorPermissionOracle(IamClient.Create(AccountsOptions.Http, target, session), organization, account.AccountId),
                    cancellation);
            }
            finally
            {
                gate.Release();
            }
        }

        return await Task.WhenAll(accounts.Select(CheckOne));
    }

    public static void Write(IReadOnlyList<AccountCheckResult> results, bool json, TextWriter output, bool verbose = false)
    {
        if (!json)
        {
            AccountCheckReport.Write(results, output, verbose);
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            AccountCheckJson.Write(writer, results);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Flush();
    }
}
