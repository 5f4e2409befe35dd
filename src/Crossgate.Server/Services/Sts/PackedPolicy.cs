using System.IO.Compression;
using System.Text;
using Crossgate.Directory.Model;

namespace Crossgate.Server.Services.Sts;

/// <summary>STS packs the session policy, the managed policy ARNs and the session tags into a compressed binary
/// that travels inside the session token, and reports its size as a percentage of the space allotted to it
/// (<c>PackedPolicySize</c>); above 100% it refuses with PackedPolicyTooLarge. AWS does not publish its packing, so
/// this is a model of it: the parts, whitespace removed from the policy, DEFLATE-compressed, against a 1 KiB
/// allotment (a small policy lands near AWS's typical single-digit percentages, and 50 long tags overflow as they
/// do on AWS).</summary>
public static class PackedPolicy
{
    public const int AllottedBytes = 1024;

    /// <summary>The packed size as a whole percentage of the allotment (rounded up, as a size that does not fit must
    /// never be reported as 100).</summary>
    public static int PercentOf(string? policy, IReadOnlyList<string> policyArns, IReadOnlyList<Tag> tags)
    {
        var text = new StringBuilder();
        if (policy is not null)
        {
            foreach (var c in policy)
            {
                if (!char.IsWhiteSpace(c))
                {
                    text.Append(c);
                }
            }
        }

        foreach (var arn in policyArns)
        {
            text.Append('\n').Append(arn);
        }

        foreach (var tag in tags)
        {
            text.Append('\n').Append(tag.Key).Append('=').Append(tag.Value);
        }

        if (text.Length == 0)
        {
            return 0;
        }

        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        return (int)Math.Ceiling(packed.Length * 100.0 / AllottedBytes);
    }
}
