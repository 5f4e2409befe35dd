using System.IO.Compression;
using System.Text;
using Crossgate.Policies.Catalog;

namespace Crossgate.Policies.Tests.Catalog;

/// <summary>The snapshot format written by tools/build-action-catalog.mjs, read from a tiny hand-made snapshot.</summary>
public class SnapshotReaderTests
{
    private const string Snapshot = """
        {"format":1,"source":{"package":"test-pkg","version":"1.2.3"},"services":[
          {"p":"demo","n":"Demo Service",
           "k":[["demo:Color","String"],["aws:ResourceTag/${TagKey}","String"],["demo:Size","Numeric"]],
           "r":[["widget","arn:${Partition}:demo:${Region}:${Account}:widget/${WidgetId}",[1]]],
           "a":[["PaintWidget","Write",[[0,1]],[0]],["ListWidgets","List",[],[]],["TagWidget","Tagging, Write",[[0,0]],[2]]]}
        ]}
        """;

    private static ActionCatalog Load()
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Snapshot));
        }

        buffer.Position = 0;
        return ActionCatalog.Load(buffer);
    }

    [Fact]
    public void Reads_services_actions_resources_and_keys()
    {
        var catalog = Load();
        Assert.Equal("test-pkg", catalog.PackageName);
        Assert.Equal("1.2.3", catalog.PackageVersion);
        Assert.Equal(3, catalog.ActionCount);

        Assert.True(catalog.TryGetAction("demo:paintwidget", out var paint));
        Assert.Equal("demo:PaintWidget", paint.FullName);
        Assert.Equal(AccessLevel.Write, paint.AccessLevel);
        var widget = Assert.Single(paint.ResourceTypes);
        Assert.True(widget.Required);
        Assert.Equal("arn:${Partition}:demo:${Region}:${Account}:widget/${WidgetId}", widget.Type.ArnPattern);
        Assert.Equal("demo:Color", Assert.Single(paint.ConditionKeys).Name);
        Assert.Contains(catalog.ConditionKeysOf("demo:PaintWidget"), k => k.Name == "aws:ResourceTag/${TagKey}");

        Assert.True(catalog.TryGetAction("demo:TagWidget", out var tag));
        Assert.Equal(AccessLevel.Tagging | AccessLevel.Write, tag.AccessLevel);
        Assert.Equal(ConditionKeyType.Numeric, tag.ConditionKeys[0].Type);
    }

    [Fact]
    public void Actions_are_sorted_and_expandable()
    {
        var catalog = Load();
        Assert.True(catalog.TryGetService("demo", out var service));
        Assert.Equal(["ListWidgets", "PaintWidget", "TagWidget"], service.Actions.Select(a => a.Name));
        Assert.Equal(["demo:PaintWidget", "demo:TagWidget"], catalog.Expand("demo:*Widget").Select(a => a.FullName));
    }

    [Fact]
    public void A_services_actions_read_on_first_use_from_many_threads_are_read_once()
    {
        var catalog = Load();
        Assert.True(catalog.TryGetService("demo", out var service));
        Assert.Equal(3, service.ActionCount);

        var seen = new ActionInfo[16];
        Parallel.For(0, seen.Length, i => Assert.True(catalog.TryGetAction("demo:ListWidgets", out seen[i])));

        Assert.All(seen, action => Assert.Same(seen[0], action));
        Assert.Same(seen[0], service.Actions[0]);
        Assert.Empty(seen[0].ResourceTypes);
    }

    [Fact]
    public void Unknown_format_is_refused()
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("""{"format":2,"source":{"package":"x","version":"y"},"services":[]}"""));
        }

        buffer.Position = 0;
        Assert.Throws<InvalidDataException>(() => ActionCatalog.Load(buffer));
    }
}
