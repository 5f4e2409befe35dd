using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Crossgate.Authorization.Simulation;

/// <summary>Finds where a bracketed JSON value ends by following only quotes, backslashes and brackets, 64 bytes
/// at a time: a block's quotes are found with vector compares, the bytes inside strings by a running parity of
/// quotes, and only the brackets outside strings are then visited one by one. A block holding a backslash is
/// walked byte by byte instead, since an escaped quote does not end a string. Nothing else about the JSON is
/// checked here; whoever reads the value does that.</summary>
public static class JsonStructure
{
    /// <summary>The deepest nesting followed.</summary>
    public const int MaxDepth = 256;

    private const int Block = 64;

    /// <summary>Finds the end of the object or array opening at <paramref name="start"/>: <paramref name="end"/> is
    /// just past its closing bracket. False when the brackets do not balance, a string is not closed or the value
    /// nests deeper than <see cref="MaxDepth"/>.</summary>
    public static bool TryFindEnd(ReadOnlySpan<byte> utf8, int start, out int end)
    {
        end = utf8.Length;
        Span<byte> owed = stackalloc byte[MaxDepth];
        var scan = new Scan(owed);
        ref var first = ref MemoryMarshal.GetReference(utf8);
        var position = start;
        while (position + Block <= utf8.Length)
        {
            var v0 = Vector128.LoadUnsafe(ref first, (nuint)position);
            var v1 = Vector128.LoadUnsafe(ref first, (nuint)position + 16);
            var v2 = Vector128.LoadUnsafe(ref first, (nuint)position + 32);
            var v3 = Vector128.LoadUnsafe(ref first, (nuint)position + 48);
            var backslash = Vector128.Create((byte)'\\');
            var anyBackslash = (Vector128.Equals(v0, backslash) | Vector128.Equals(v1, backslash)
                | Vector128.Equals(v2, backslash) | Vector128.Equals(v3, backslash)) != Vector128<byte>.Zero;
            int stop;
            if (anyBackslash || scan.EscapePending)
            {
                stop = scan.Bytes(utf8, position, position + Block);
            }
            else
            {
                stop = scan.Vectors(utf8, position, Mask(v0, v1, v2, v3, (byte)'"'), BracketLike(v0, v1, v2, v3));
            }

            if (stop != Scan.Continue)
            {
                end = stop > 0 ? stop : utf8.Length;
                return stop > 0;
            }

            position += Block;
        }

        var last = scan.Bytes(utf8, position, utf8.Length);
        if (last > 0)
        {
            end = last;
            return true;
        }

        return false;
    }

    /// <summary>What the JSON reader finds wrong with <paramref name="utf8"/> (one value, read to its end), with its
    /// position; null when it is JSON. For error paths and rare members: it reads every token.</summary>
    public static string? FaultIn(ReadOnlySpan<byte> utf8)
    {
        var reader = new System.Text.Json.Utf8JsonReader(utf8, new System.Text.Json.JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return ex.Message;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2, Vector128<byte> v3, byte value)
    {
        var target = Vector128.Create(value);
        return Vector128.Equals(v0, target).ExtractMostSignificantBits()
            | ((ulong)Vector128.Equals(v1, target).ExtractMostSignificantBits() << 16)
            | ((ulong)Vector128.Equals(v2, target).ExtractMostSignificantBits() << 32)
            | ((ulong)Vector128.Equals(v3, target).ExtractMostSignificantBits() << 48);
    }

    /// <summary>Bytes that may be brackets, found with one compare: setting bits 0x26 turns each of <c>{ } [ ]</c>
    /// into 0x7F, as it does <c>Y _ y</c> and DEL, which the walk then passes over when it meets them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BracketLike(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2, Vector128<byte> v3)
    {
        var bits = Vector128.Create((byte)0x26);
        var target = Vector128.Create((byte)0x7F);
        return Vector128.Equals(v0 | bits, target).ExtractMostSignificantBits()
            | ((ulong)Vector128.Equals(v1 | bits, target).ExtractMostSignificantBits() << 16)
            | ((ulong)Vector128.Equals(v2 | bits, target).ExtractMostSignificantBits() << 32)
            | ((ulong)Vector128.Equals(v3 | bits, target).ExtractMostSignificantBits() << 48);
    }

    /// <summary>The walk's state between blocks: whether it is inside a string (and just after a backslash
    /// there), and the closing brackets still owed, innermost last.</summary>
    private ref struct Scan(Span<byte> owed)
    {
        /// <summary>The value has not ended in the bytes walked so far.</summary>
        public const int Continue = 0;

        /// <summary>The brackets do not balance or nest too deep.</summary>
        public const int Broken = -1;

        private readonly Span<byte> _owed = owed;
        private int _depth;
        private bool _inString;

        public bool EscapePending;

        /// <summary>Walks a block whose quotes and brackets are given as bit masks, one bit a byte.</summary>
        public int Vectors(ReadOnlySpan<byte> utf8, int position, ulong quotes, ulong brackets)
        {
            // Bit i of the prefix parity is set when an odd number of quotes lie at or before byte i: inside a string
            // (counting its opening quote), given that the block started outside one.
            var inside = quotes;
            inside ^= inside << 1;
            inside ^= inside << 2;
            inside ^= inside << 4;
            inside ^= inside << 8;
            inside ^= inside << 16;
            inside ^= inside << 32;
            if (_inString)
            {
                inside = ~inside;
            }

            _inString = (long)inside < 0;
            var outside = brackets & ~inside;
            while (outside != 0)
            {
                var index = BitOperations.TrailingZeroCount(outside);
                var result = Bracket(utf8[position + index], position + index);
                if (result != Continue)
                {
                    return result;
                }

                outside &= outside - 1;
            }

            return Continue;
        }

        /// <summary>Walks bytes one at a time, for blocks with backslashes and the tail of the input.</summary>
        public int Bytes(ReadOnlySpan<byte> utf8, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var c = utf8[i];
                if (_inString)
                {
                    if (EscapePending)
                    {
                        EscapePending = false;
                    }
                    else if (c == (byte)'\\')
                    {
                        EscapePending = true;
                    }
                    else if (c == (byte)'"')
                    {
                        _inString = false;
                    }

                    continue;
                }

                if (c == (byte)'"')
                {
                    _inString = true;
                }
                else if (c is (byte)'{' or (byte)'[' or (byte)'}' or (byte)']')
                {
                    var result = Bracket(c, i);
                    if (result != Continue)
                    {
                        return result;
                    }
                }
            }

            return Continue;
        }

        private int Bracket(byte c, int at)
        {
            if (c is not ((byte)'{' or (byte)'[' or (byte)'}' or (byte)']'))
            {
                return Continue;
            }

            if (c is (byte)'{' or (byte)'[')
            {
                if (_depth == _owed.Length)
                {
                    return Broken;
                }

                _owed[_depth++] = (byte)(c + 2); // '}' follows '{' by two, as ']' follows '['.
                return Continue;
            }

            if (_depth == 0 || _owed[--_depth] != c)
            {
                return Broken;
            }

            return _depth == 0 ? at + 1 : Continue;
        }
    }
}
