namespace Crossgate.Policies.Catalog;

/// <summary>A resource type an action can be authorized against. Required types must be matched by the
/// statement's Resource for the action to apply on them.</summary>
public sealed record ActionResource(ResourceTypeInfo Type, bool Required);
