namespace Crossgate.Platform.Tightening;

/// <summary>Something a person should know about the rewrite: what changed, or what was left wide and why.
/// <see cref="Sid"/> is the original statement's Sid (null when it had none); <see cref="StatementIndex"/> its
/// position in the input.</summary>
public sealed record TighteningNote(int StatementIndex, string? Sid, string Message)
{
    public override string ToString() => $"Statement {StatementIndex}{(Sid is null ? string.Empty : $" ({Sid})")}: {Message}";
}
