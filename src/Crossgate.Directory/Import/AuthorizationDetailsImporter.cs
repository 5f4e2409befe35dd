using System.Text.Json;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Import;

/// <summary>Imports real AWS CLI outputs: <c>aws iam get-account-authorization-details</c> (one file per account)
/// and, optionally, <c>aws organizations</c> describe-organization, list-accounts, list-roots,
/// list-organizational-units-for-parent, list-policies, describe-policy and list-targets-for-policy. Entities are
/// created or replaced (re-importing is idempotent); each account is written in one transaction. Nothing is
/// skipped without a problem in the report naming the file and JSON path.</summary>
public sealed class AuthorizationDetailsImporter(IDirectoryStore store)
{
    public async Task<ImportReport> ImportFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var sources = new List<ImportSource>();
        var report = new ImportReport();
        foreach (var path in paths)
        {
            try
            {
                sources.Add(new ImportSource(path, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)));
            }
            catch (IOException e)
            {
                report.Error(path, "$", "cannot read the file: " + e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                report.Error(path, "$", "cannot read the file: " + e.Message);
            }
        }

        return await ImportAsync(sources, report, cancellationToken).ConfigureAwait(false);
    }

    public Task<ImportReport> ImportAsync(IEnumerable<ImportSource> sources, CancellationToken cancellationToken = default) =>
        ImportAsync(sources, new ImportReport(), cancellationToken);

    private async Task<ImportReport> ImportAsync(IEnumerable<ImportSource> sources, ImportReport report, CancellationToken cancellationToken)
    {
        var organizations = new OrganizationFiles(report);
        var accounts = new List<AccountDetailsReader>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var source in sources)
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(source.Content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                }
                catch (JsonException e)
                {
                    report.Error(source.Name, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
                    continue;
                }

                documents.Add(document);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    report.Error(source.Name, "$", "expected a JSON object at the top; file skipped");
                    continue;
                }

                if (root.TryGetProperty("UserDetailList", out _) || root.TryGetProperty("RoleDetailList", out _) || root.TryGetProperty("GroupDetailList", out _))
                {
                    var reader = new AccountDetailsReader(source.Name, report);
                    reader.Read(root);
                    report.File(source.Name, reader.AccountId is null ? "iam get-account-authorization-details (account unknown)" : $"iam get-account-authorization-details of {reader.AccountId}");
                    if (reader.AccountId is not null)
                    {
                        accounts.Add(reader);
                    }
                }
                else if (!organizations.TryRead(source.Name, root))
                {
                    report.Error(source.Name, "$", "not a recognised AWS CLI output (expected get-account-authorization-details or an Organizations command's output); file skipped");
                }
            }

            if (!organizations.IsEmpty && await organizations.BuildAsync(store, cancellationToken).ConfigureAwait(false) is { } orgChanges)
            {
                await CommitAsync(orgChanges, "(organizations)", report, cancellationToken).ConfigureAwait(false);
            }

            foreach (var account in accounts)
            {
                if (await store.GetAccountAsync(account.AccountId!, cancellationToken).ConfigureAwait(false) is null)
                {
                    account.Changes.Upsert(EntityKinds.Accounts, new Account { Id = account.AccountId!, Name = account.AccountId! });
                }

                await CommitAsync(account.Changes, account.AccountId!, report, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }

        return report;
    }

    private async Task CommitAsync(ChangeSet changes, string what, ImportReport report, CancellationToken cancellationToken)
    {
        var result = await store.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            report.Error(what, "$", $"nothing of {what} was written (the counts above include it): {result}, another entity already uses that name or id");
        }
    }
}

/// <summary>One input of an import: a name for messages (usually the file path) and its bytes.</summary>
public sealed record ImportSource(string Name, ReadOnlyMemory<byte> Content);
