using System.Diagnostics;

namespace Crossgate.Cli.Commands;

/// <summary>With <c>CROSSGATE_TIMINGS=1</c>, what each phase of a command cost (wall clock and CPU), on standard error;
/// the whole-process measurement script reads it.</summary>
internal sealed class PhaseTimings(TextWriter error)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    public static PhaseTimings? FromEnvironment(TextWriter error) =>
        Environment.GetEnvironmentVariable("CROSSGATE_TIMINGS") == "1" ? new PhaseTimings(error) : null;

    public void Mark(string phase)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        error.WriteLine($"timing: {phase}: {_wall.Elapsed.TotalMilliseconds:F0} ms wall, {(cpu - _cpu).TotalMilliseconds:F0} ms cpu");
        _cpu = cpu;
        _wall.Restart();
    }
}
