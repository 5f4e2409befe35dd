using System.Diagnostics;

namespace Crossgate.Cli.Commands;

/// <summary>With <c>CROSSGATE_TIMINGS=1</c>, what each phase of a command cost (wall clock and CPU), on standard error;
/// the whole-process measurement script reads it.</summary>
internal sealed class PhaseTimings(TextWriter error)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _allocated = GC.GetTotalAllocatedBytes();
    private int _collections = GC.CollectionCount(0);

    public static PhaseTimings? FromEnvironment(TextWriter error) =>
        Environment.GetEnvironmentVariable("CROSSGATE_TIMINGS") == "1" ? new PhaseTimings(error) : null;

    public void Mark(string phase)
    {
        // Allocation and collections do not depend on what else the machine runs, unlike the times.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        error.WriteLine($"timing: {phase}: {_wall.Elapsed.TotalMilliseconds:F0} ms wall, {(cpu - _cpu).TotalMilliseconds:F0} ms cpu, " +
            $"{(allocated - _allocated) / (1024 * 1024)} MB allocated, {collections - _collections} collections");
        _cpu = cpu;
        _allocated = allocated;
        _collections = collections;
        _wall.Restart();
    }
}
