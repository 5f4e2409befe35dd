namespace Crossgate.Directory.Model;

/// <summary>A policy embedded in one user, group or role; <see cref="Document"/> is the decoded JSON text.</summary>
public sealed record InlinePolicy(string PolicyName, string Document);
