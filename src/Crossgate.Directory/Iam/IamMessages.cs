namespace Crossgate.Directory.Iam;

/// <summary>IAM's refusal texts (aws-iam-semantics.md §3.2, §3.5).</summary>
public static class IamMessages
{
    public static IamError NoSuchUser(string name) => IamError.NoSuchEntity($"The user with name {name} cannot be found.");

    public static IamError NoSuchRole(string name) => IamError.NoSuchEntity($"The role with name {name} cannot be found.");

    public static IamError NoSuchGroup(string name) => IamError.NoSuchEntity($"The group with name {name} cannot be found.");

    public static IamError NoSuchPolicy(string arn) => IamError.NoSuchEntity($"Policy {arn} was not found.");

    public static IamError NotAttachable(string arn) => IamError.NoSuchEntity($"Policy {arn} does not exist or is not attachable.");

    public static IamError NoSuchInlinePolicy(string entity, string entityName, string policyName) =>
        IamError.NoSuchEntity($"The {entity} policy with name {policyName} cannot be found.");

    public static IamError NoSuchAccessKey(string keyId) => IamError.NoSuchEntity($"The Access Key with id {keyId} cannot be found.");

    public static IamError UserExists(string name) => IamError.EntityAlreadyExists($"User with name {name} already exists.");

    public static IamError RoleExists(string name) => IamError.EntityAlreadyExists($"Role with name {name} already exists.");

    public static IamError GroupExists(string name) => IamError.EntityAlreadyExists($"Group with name {name} already exists.");

    public static IamError PolicyExists(string name) =>
        IamError.EntityAlreadyExists($"A policy called {name} already exists. Duplicate names are not allowed.");

    public static IamError Quota(string quota, int limit) => IamError.LimitExceeded($"Cannot exceed quota for {quota}: {limit}");

    public static IamError MustDelete(string what) => IamError.DeleteConflict($"Cannot delete entity, must {what} first.");

    public static IamError ConcurrentModification() =>
        IamError.ConcurrentModification("The request was rejected because multiple requests to change this object were submitted simultaneously. Wait a few minutes and submit your request again.");
}
