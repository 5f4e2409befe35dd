using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Iam;

/// <summary>What one attempt of a read-modify-write computed: the changes to commit and the value to return, or
/// the refusal. <see cref="AlreadyExists"/> is the error to answer if an insert loses a race.</summary>
internal readonly record struct Mutation<T>(ChangeSet? Changes, T? Value, IamError? Error, IamError? AlreadyExists)
{
    public static Mutation<T> Fail(IamError error) => new(null, default, error, null);

    public static Mutation<T> Write(ChangeSet changes, T value, IamError? alreadyExists = null) => new(changes, value, null, alreadyExists);

    public static implicit operator Mutation<T>(IamError error) => Fail(error);
}
