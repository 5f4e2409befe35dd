using System.Text.RegularExpressions;

namespace Crossgate.Server.Services.Sts;

/// <summary>STS's parameter patterns (botocore's sts model), with the text AWS quotes in its validation messages.</summary>
public static partial class StsPatterns
{
    public const string NameText = @"[\w+=,.@-]*";
    public const string ExternalIdText = @"[\w+=,.@:\/-]*";
    public const string SerialNumberText = @"[\w+=/:,.@-]*";
    public const string TokenCodeText = @"[\d]*";
    public const string TagKeyText = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]+";
    public const string TagValueText = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]*";
    public const string AccessKeyIdText = @"[\w]*";
    public const string PolicyText = @"[\u0009\u000A\u000D\u0020-\u00FF]+";

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    public static partial Regex Name();

    [GeneratedRegex(@"^[\w+=,.@:/-]*$")]
    public static partial Regex ExternalId();

    [GeneratedRegex(@"^[\w+=/:,.@-]*$")]
    public static partial Regex SerialNumber();

    [GeneratedRegex(@"^[0-9]*$")]
    public static partial Regex TokenCode();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$")]
    public static partial Regex TagKey();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    public static partial Regex TagValue();

    [GeneratedRegex(@"^[\u0009\u000A\u000D\u0020-\u00FF]+$")]
    public static partial Regex Policy();

    [GeneratedRegex(@"^[\w]*$")]
    public static partial Regex AccessKeyId();
}
