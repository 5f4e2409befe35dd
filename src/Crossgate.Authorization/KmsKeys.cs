namespace Crossgate.Authorization;

/// <summary>KMS keys: every key has a key policy, and identity policies grant access to a key only when that key
/// policy allows the key's account (the default key policy does).</summary>
public static class KmsKeys
{
    /// <summary>True for a <c>kms:</c> action on a key ARN (<c>arn:aws:kms:region:account:key/…</c>).</summary>
    public static bool IsKeyRequest(string action, string resource)
    {
        if (!action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase) || !resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        // arn:partition:kms:region:account:key/id — the resource part follows the fifth colon.
        var colons = 0;
        var serviceStart = 0;
        for (var i = 0; i < resource.Length; i++)
        {
            if (resource[i] != ':')
            {
                continue;
            }

            colons++;
            if (colons == 2)
            {
                serviceStart = i + 1;
            }
            else if (colons == 3 && !resource.AsSpan(serviceStart, i - serviceStart).SequenceEqual("kms"))
            {
                return false;
            }
            else if (colons == 5)
            {
                return resource.AsSpan(i + 1).StartsWith("key/", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
