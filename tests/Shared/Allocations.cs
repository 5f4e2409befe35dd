namespace Crossgate.Tests.Shared;

/// <summary>What a hot path allocates per call: a deterministic byte count around a warm loop, not a timing test.</summary>
internal static class Allocations
{
    /// <summary>The fewest bytes allocated on this thread over three rounds of <paramref name="iterations"/> calls,
    /// after a warm-up. A one-off outside the code under test (an array pool refilling after a collection trimmed
    /// it, a method tiering up, while other tests run) shows in one round only; an allocation per call shows in
    /// every round, at least once per call.</summary>
    public static long FewestBytes(Action action, int iterations = 1_000)
    {
        for (var i = 0; i < 100; i++)
        {
            action(); // warm: JIT, lazy statics, first-use culture data, indexes built on first use
        }

        var fewest = long.MaxValue;
        for (var round = 0; round < 3 && fewest > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations; i++)
            {
                action();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
