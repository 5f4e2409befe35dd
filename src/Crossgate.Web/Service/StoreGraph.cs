using Crossgate.Analysis.Graph;
using Crossgate.Directory.Storage;

namespace Crossgate.Web.Service;

/// <summary>The access graph of the directory store, built on demand and reused for a short while: a console
/// clicking through principals asks many questions of one graph, and a large organization takes seconds to build.
/// One build at a time; requests that arrive during a build share it.</summary>
public sealed class StoreGraph(IDirectoryStore store, TimeSpan lifetime, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _build = new(1, 1);
    private Built? _built;

    public sealed record Built(AccessGraph Graph, DateTimeOffset BuiltAt);

    public async Task<Built> GetAsync(CancellationToken cancellation)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _build.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } built)
            {
                return built;
            }

            var graph = await AccessGraph.BuildAsync(store, cancellationToken: cancellation).ConfigureAwait(false);
            var entry = new Built(graph, clock.GetUtcNow());
            Volatile.Write(ref _built, entry);
            return entry;
        }
        finally
        {
            _build.Release();
        }
    }

    public void Dispose() => _build.Dispose();

    private Built? Fresh() => Volatile.Read(ref _built) is { } built && clock.GetUtcNow() - built.BuiltAt < lifetime ? built : null;
}
