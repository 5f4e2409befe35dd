using System.CommandLine;
using Crossgate.Platform.Registry;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts add --role-arn ARN --alias NAME …</c>: checks the registration's shape and the
/// registry's rules, proves the role assumable (unless <c>--no-check</c>), stores it, then runs the account check
/// when a profile is given (unless <c>--skip-account-check</c>). Exit 0 registered (and the check passed), 1 the role
/// could not be assumed or the check found missing groups, 2 bad values.</summary>
internal static class AccountsAddCommand
{
    public static Command Build()
    {
        var options = new AccountsOptions();
        var roleArn = new Option<string>("--role-arn") { Description = "The target account's role: arn:aws:iam::ACCOUNT:role/[PATH/]NAME.", Required = true };
        var alias = new Option<string>("--alias") { Description = "A unique name for the account in the registry.", Required = true };
        var externalId = new Option<string?>("--external-id") { Description = "The external id the role's trust policy requires." };
        var duration = new Option<int?>("--session-duration") { Description = "Session length in seconds (900–43200, default 3600)." };
        var noCheck = new Option<bool>("--no-check") { Description = "Register without proving the role assumable." };
        var skipAccountCheck = new Option<bool>("--skip-account-check") { Description = "Do not run the account check after a successful add." };
        var profile = AccountsCheckCommand.PermissionsOption(required: false);
        profile.Description = "A permission profile to check the account against after adding it.";
        var optional = new Option<string[]>("--optional") { Description = "A profile group (Sid) that need not be granted; repeatable." };
        var output = AccountsCheckCommand.CheckOutputOption();
        var command = new Command("add", "Register a target account's role and prove it can be assumed.")
        {
            roleArn, alias, externalId, duration, noCheck, skipAccountCheck, profile, optional, output,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var stdout = parse.InvocationConfiguration.Output;
            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var policy = await registry.GetPolicyAsync(cancellation);
            var (account, refusal) = RegistrationRules.Validate(
                parse.GetValue(alias)!, parse.GetValue(roleArn)!, parse.GetValue(externalId), parse.GetValue(duration), policy, DateTimeOffset.UtcNow);
            if (account is null)
            {
                error.WriteLine(refusal);
                return CrossgateCli.UsageError;
            }

            if (await registry.GetAsync(account.Alias, cancellation) is { } existing)
            {
                error.WriteLine($"The alias '{existing.Alias}' is already registered for {existing.RoleArn}; remove it first or choose another alias.");
                return CrossgateCli.UsageError;
            }

            var profilePath = parse.GetValue(profile);
            var runCheck = !parse.GetValue(noCheck) && !parse.GetValue(skipAccountCheck) && profilePath is not null;
            var permissionProfile = runCheck ? AccountsCheckCommand.LoadProfile(profilePath!, parse.GetValue(optional) ?? [], error) : null;
            if (runCheck && permissionProfile is null)
            {
                return CrossgateCli.UsageError;
            }

            if (!parse.GetValue(noCheck))
            {
                var (target, credentials) = options.Connect(parse);
                if (target is null || credentials is null)
                {
                    return CrossgateCli.UsageError;
                }

                var probed = await new AssumabilityProbe(target, credentials, AccountsOptions.Http).ProbeAsync(account, cancellation);
                if (!probed.Assumable)
                {
                    error.WriteLine($"Not registered: {account.RoleArn} could not be assumed.");
                    error.WriteLine(probed.Reason);
                    return 1;
                }
            }

            if (await registry.AddAsync(account, cancellation) is { } addError)
            {
                error.WriteLine(addError);
                return CrossgateCli.UsageError;
            }

            stdout.WriteLine($"Registered '{account.Alias}': {account.RoleArn}" + (parse.GetValue(noCheck) ? " (not proven assumable: --no-check)." : " (assumable)."));
            if (!runCheck)
            {
                if (!parse.GetValue(noCheck) && !parse.GetValue(skipAccountCheck))
                {
                    stdout.WriteLine("Account check skipped: no --permissions given.");
                }

                stdout.Flush();
                return 0;
            }

            var results = await AccountsCheckCommand.RunAsync([account], permissionProfile!, options, parse, offline: false, cancellation);
            if (results is null)
            {
                return CrossgateCli.UsageError;
            }

            await registry.RecordCheckAsync(account.Alias, RegistryAccountCheck.Summarize(results[0]), DateTimeOffset.UtcNow, cancellation);
            AccountsCheckCommand.Write(results, AccountsCheckCommand.IsJson(parse.GetValue(output)), stdout);
            return results[0].AllRequiredGranted ? 0 : 1;
        });
        return command;
    }
}
