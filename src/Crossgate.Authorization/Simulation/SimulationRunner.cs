using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Crossgate.Authorization.Simulation;

/// <summary>Answers a whole scenario input and streams the answers out in input order, an object for an object
/// and an array for an array. The input is split once; runs of consecutive scenarios are then read, decided and
/// written by one worker per core, each into its own buffer, while the calling thread joins finished runs onto
/// the output. Nothing from one scenario outlives its run, so the memory in use stays small however large the
/// input.</summary>
public static class SimulationRunner
{
    /// <summary>Scenarios per run: large enough to keep hand-offs rare, small enough to balance the cores.</summary>
    private const int RunLength = 64;

    /// <summary>Below this many scenarios the work is not worth handing to other threads.</summary>
    private const int ParallelThreshold = 256;

    public static SimulationSummary Run(ReadOnlyMemory<byte> input, Stream output, SimulationFormat format,
        int workers = 0, SimulationOptions? options = null)
    {
        var splitter = new ScenarioSplitter(input);
        var spans = new List<ScenarioSpan>();
        var found = new ScenarioSpan[RunLength];
        int count;
        while (spans.Count < ParallelThreshold && (count = splitter.Next(found)) > 0)
        {
            spans.AddRange(found.AsSpan(0, count));
        }

        if (splitter.Error is { } early)
        {
            return Unreadable(output, format, early);
        }

        var join = new RunJoiner(output, format, splitter.IsArray);
        workers = workers > 0 ? workers : Environment.ProcessorCount;
        if (spans.Count < ParallelThreshold || workers == 1)
        {
            // Split all before answering any, so that a broken input still gets only its one error.
            while ((count = splitter.Next(found)) > 0)
            {
                spans.AddRange(found.AsSpan(0, count));
            }

            if (splitter.Error is { } late)
            {
                return Unreadable(output, format, late);
            }

            var renderer = new ChunkRenderer(input, splitter.IsArray, format, options);
            for (var done = 0; done < spans.Count; done += RunLength)
            {
                var length = Math.Min(RunLength, spans.Count - done);
                join.Append(done / RunLength, renderer.Render(CollectionsMarshal.AsSpan(spans).Slice(done, length), done));
            }

            join.Finish(spans.Count);
            return new SimulationSummary(spans.Count, renderer.Invalid, false);
        }

        return RunParallel(input, splitter, spans, join, format, workers, output, options);
    }

    /// <summary>The calling thread goes on splitting while the workers answer the runs found so far, then joins
    /// their answers in order. Nothing is written until the whole input has split cleanly, so a broken input
    /// still gets only its one error.</summary>
    private static SimulationSummary RunParallel(ReadOnlyMemory<byte> input, ScenarioSplitter splitter,
        List<ScenarioSpan> spans, RunJoiner join, SimulationFormat format, int workers, Stream output, SimulationOptions? options)
    {
        var gate = new object();
        var finished = new Dictionary<int, ArraySegment<byte>>();
        var next = -1;
        var invalid = 0;
        var splitDone = false;
        var stop = false;
        Exception? failure = null;

        void Work()
        {
            var renderer = new ChunkRenderer(input, splitter.IsArray, format, options);
            var run = new ScenarioSpan[RunLength];
            try
            {
                while (true)
                {
                    var index = Interlocked.Increment(ref next);
                    var first = index * RunLength;
                    int length;
                    lock (gate)
                    {
                        while (!stop && !splitDone && spans.Count < first + RunLength)
                        {
                            Monitor.Wait(gate);
                        }

                        length = Math.Min(RunLength, spans.Count - first);
                        if (stop || length <= 0)
                        {
                            break;
                        }

                        CollectionsMarshal.AsSpan(spans).Slice(first, length).CopyTo(run);
                    }

                    var bytes = renderer.Render(run.AsSpan(0, length), first);
                    lock (gate)
                    {
                        finished[index] = bytes;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (Exception ex)
            {
                lock (gate)
                {
                    failure ??= ex;
                    stop = true;
                    Monitor.PulseAll(gate);
                }
            }

            Interlocked.Add(ref invalid, renderer.Invalid);
        }

        var threads = new Thread[workers];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = "crossgate-simulate" };
            threads[i].Start();
        }

        var found = new ScenarioSpan[RunLength];
        int count;
        while ((count = splitter.Next(found)) > 0)
        {
            lock (gate)
            {
                spans.AddRange(found.AsSpan(0, count));
                Monitor.PulseAll(gate);
            }
        }

        lock (gate)
        {
            splitDone = true;
            stop = splitter.Error is not null;
            Monitor.PulseAll(gate);
        }

        if (splitter.Error is { } error)
        {
            JoinAll(threads, finished);
            return Unreadable(output, format, error);
        }

        var runs = (spans.Count + RunLength - 1) / RunLength;
        for (var run = 0; run < runs; run++)
        {
            ArraySegment<byte> bytes;
            lock (gate)
            {
                while (!finished.ContainsKey(run) && failure is null)
                {
                    Monitor.Wait(gate);
                }

                if (failure is not null)
                {
                    break;
                }

                bytes = finished[run];
                finished.Remove(run);
            }

            join.Append(run, bytes);
        }

        JoinAll(threads, finished);
        if (failure is not null)
        {
            throw new InvalidOperationException("The simulation failed.", failure);
        }

        join.Finish(spans.Count);
        return new SimulationSummary(spans.Count, invalid, false);
    }

    private static void JoinAll(Thread[] threads, Dictionary<int, ArraySegment<byte>> unwritten)
    {
        foreach (var thread in threads)
        {
            thread.Join();
        }

        foreach (var bytes in unwritten.Values)
        {
            ArrayPool<byte>.Shared.Return(bytes.Array!);
        }
    }

    private static SimulationSummary Unreadable(Stream output, SimulationFormat format, string error)
    {
        WriteFatal(output, format, new ScenarioError(ScenarioError.InvalidScenario, error, "$"));
        return new SimulationSummary(0, 0, true);
    }

    private static void WriteFatal(Stream output, SimulationFormat format, ScenarioError fatal)
    {
        if (format == SimulationFormat.Text)
        {
            output.Write(Encoding.UTF8.GetBytes($"error: {fatal}\n"));
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        DecisionJsonWriter.WriteError(buffer, fatal);
        buffer.Write("\n"u8);
        output.Write(buffer.WrittenSpan);
    }

    /// <summary>Joins finished runs onto the output in order, with the brackets of an array around them.</summary>
    private sealed class RunJoiner(Stream output, SimulationFormat format, bool isArray)
    {
        public void Append(int run, ArraySegment<byte> bytes)
        {
            try
            {
                if (run == 0 && format == SimulationFormat.Json && isArray)
                {
                    output.Write("["u8);
                }

                output.Write(bytes);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes.Array!);
            }
        }

        public void Finish(int scenarios)
        {
            if (format == SimulationFormat.Json)
            {
                output.Write(!isArray ? "\n"u8 : scenarios == 0 ? "[]\n"u8 : "\n]\n"u8);
            }

            output.Flush();
        }
    }
}

/// <summary>What a run came to: how many scenarios it answered, how many were invalid, and whether the input
/// could not be read at all.</summary>
public readonly record struct SimulationSummary(int Scenarios, int Invalid, bool Unreadable)
{
    public bool AnyInvalid => Unreadable || Invalid > 0;
}
