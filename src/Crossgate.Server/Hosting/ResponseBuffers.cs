using System.Buffers;
using System.Collections.Concurrent;

namespace Crossgate.Server.Hosting;

/// <summary>Buffers that answers are rendered into before their length is known, reused across requests so that a
/// response costs no allocation of its own. Oversized buffers (a large listing) are not kept.</summary>
internal static class ResponseBuffers
{
    private const int KeptCapacity = 64 * 1024;
    private const int MaxKept = 64;

    private static readonly ConcurrentQueue<ArrayBufferWriter<byte>> Pool = new();

    public static ArrayBufferWriter<byte> Rent() => Pool.TryDequeue(out var buffer) ? buffer : new ArrayBufferWriter<byte>(4096);

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > KeptCapacity || Pool.Count >= MaxKept) return;
        buffer.Clear(); // zeroes what was written: answers carry secret keys
        Pool.Enqueue(buffer);
    }
}
