using System.Diagnostics.CodeAnalysis;

namespace Crossgate.Directory;

/// <summary>Either a value or the <see cref="IamError"/> that refused it.</summary>
public readonly struct DirectoryResult<T>
{
    private DirectoryResult(T? value, IamError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public IamError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    public static DirectoryResult<T> Ok(T value) => new(value, null);

    public static DirectoryResult<T> Fail(IamError error) => new(default, error);

    public static implicit operator DirectoryResult<T>(IamError error) => Fail(error);

    public static implicit operator DirectoryResult<T>(T value) => Ok(value);

    /// <summary>The value, or an exception naming the error (for callers that have already checked).</summary>
    public T GetValueOrThrow() => Success ? Value! : throw new InvalidOperationException(Error.ToString());

    public override string ToString() => Success ? $"Ok({Value})" : Error.ToString();
}
