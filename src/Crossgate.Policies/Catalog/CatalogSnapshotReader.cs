using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Crossgate.Policies.Catalog;

/// <summary>Reads the snapshot format of tools/build-action-catalog.mjs:
/// <c>{format, source:{package,version}, services:[{p, n, k:[[key,type]], r:[[name,arn,[keyIdx]]],
/// a:[[name,accessLevel,[[typeIdx,required]],[keyIdx]]]}]}</c>.</summary>
internal static class CatalogSnapshotReader
{
    public static ActionCatalog Read(Stream json)
    {
        // Not disposed: each service reads its actions from the document when first asked (the catalog keeps it).
        var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("format").GetInt32() != 1)
        {
            throw new InvalidDataException("Unsupported action catalog snapshot format.");
        }

        var source = root.GetProperty("source");
        var services = ImmutableArray.CreateBuilder<ServiceInfo>();
        foreach (var element in root.GetProperty("services").EnumerateArray())
        {
            services.Add(ReadService(element));
        }

        services.Sort((a, b) => string.CompareOrdinal(a.Prefix, b.Prefix));
        return new ActionCatalog(source.GetProperty("package").GetString()!, source.GetProperty("version").GetString()!, services.ToImmutable());
    }

    private static ServiceInfo ReadService(JsonElement element)
    {
        var keys = element.GetProperty("k").EnumerateArray()
            .Select(k => new ConditionKeyInfo(k[0].GetString()!, ConditionKeyTypeText.Parse(k[1].GetString()!)))
            .ToImmutableArray();

        var types = element.GetProperty("r").EnumerateArray()
            .Select(r => new ResourceTypeInfo(r[0].GetString()!, r[1].GetString()!, Pick(keys, r[2])))
            .ToImmutableArray();

        var actions = element.GetProperty("a");
        return new ServiceInfo(element.GetProperty("p").GetString()!, element.GetProperty("n").GetString()!, keys, types,
            actions.GetArrayLength(), service => ReadActions(service, actions, keys, types));
    }

    private static ImmutableArray<ActionInfo> ReadActions(
        ServiceInfo service, JsonElement actions, ImmutableArray<ConditionKeyInfo> keys, ImmutableArray<ResourceTypeInfo> types)
    {
        var read = new ActionInfo[actions.GetArrayLength()];
        var index = 0;
        foreach (var a in actions.EnumerateArray())
        {
            read[index++] = new ActionInfo(
                service,
                a[0].GetString()!,
                AccessLevelText.Parse(a[1].GetString()!),
                a[2].EnumerateArray().Select(t => new ActionResource(types[t[0].GetInt32()], t[1].GetInt32() == 1)).ToImmutableArray(),
                Pick(keys, a[3]));
        }

        Array.Sort(read, (x, y) => string.CompareOrdinal(x.Name, y.Name));
        return ImmutableCollectionsMarshal.AsImmutableArray(read);
    }

    private static ImmutableArray<ConditionKeyInfo> Pick(ImmutableArray<ConditionKeyInfo> keys, JsonElement indexes) =>
        indexes.EnumerateArray().Select(i => keys[i.GetInt32()]).ToImmutableArray();
}
