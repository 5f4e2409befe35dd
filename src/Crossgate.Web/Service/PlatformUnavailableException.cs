namespace Crossgate.Web.Service;

/// <summary>The platform cannot act at all (no AWS credentials, say): the API answers 502 with the message.</summary>
public sealed class PlatformUnavailableException(string message) : Exception(message);
