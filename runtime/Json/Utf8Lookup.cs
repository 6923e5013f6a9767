using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Scenario.Runtime.Json;

/// <summary>
/// The index of a UTF-8 text among a fixed list of strings, found without allocating: an open-addressing table keyed by
/// a hash of the text's length and bytes. Each slot keeps its text's length and its first and last eight bytes, which
/// for a text of up to 16 bytes are all of it, so such a text is matched by comparing three numbers (as a generated
/// comparison with a <c>u8</c> literal of known length is); a longer one then has the bytes between its ends compared,
/// eight at a time. Built once per list; at most half of its slots are taken, so a lookup mostly reads one slot, and
/// the hash takes every byte, so texts that share their ends (<c>inference-img2img-texture</c>,
/// <c>inference-txt2img-texture</c>) fall apart.
/// </summary>
internal sealed class Utf8Lookup
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private const ulong TailMultiplier = 0xC2B2AE3D27D4EB4FUL;

    /// <summary>The longest text whose length, first and last eight bytes are all of it.</summary>
    private const int ShortText = 2 * sizeof(ulong);

    private readonly byte[][] _texts;
    private readonly Slot[] _slots;
    private readonly int _mask;

    public Utf8Lookup(string[] texts)
    {
        _texts = new byte[texts.Length][];
        int size = 4;
        while (size < texts.Length * 2)
        {
            size *= 2;
        }

        _slots = new Slot[size];
        _mask = size - 1;
        for (int index = 0; index < texts.Length; index++)
        {
            byte[] text = Encoding.UTF8.GetBytes(texts[index]);
            _texts[index] = text;
            if (IndexOf(text) >= 0)
            {
                // A text given twice keeps its first index.
                continue;
            }

            int slot = (int)Key(text, out ulong head, out ulong tail) & _mask;
            while (_slots[slot].Entry != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(head, tail, index + 1, text.Length);
        }
    }

    /// <summary>The index of <paramref name="text"/> in the list, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ReadOnlySpan<byte> text)
    {
        int first = (int)Key(text, out ulong head, out ulong tail) & _mask;
        Slot[] slots = _slots;
        for (int slot = first; ; slot = (slot + 1) & _mask)
        {
            ref readonly Slot candidate = ref slots[slot];
            if (candidate.Entry == 0)
            {
                return -1;
            }

            if (candidate.Head == head && candidate.Tail == tail && candidate.Length == text.Length
                && (text.Length <= ShortText || Middle(text, _texts[candidate.Entry - 1])))
            {
                return candidate.Entry - 1;
            }
        }
    }

    /// <summary>
    /// Whether a text of more than 16 bytes has the bytes of a candidate of its length and ends between its ends:
    /// compared eight bytes at a time (the last chunk overlaps the tail, which is equal already). Out of line, so that
    /// the lookup of a short text keeps to a few registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Middle(ReadOnlySpan<byte> text, byte[] candidate)
    {
        ref byte left = ref MemoryMarshal.GetReference(text);
        ref byte right = ref MemoryMarshal.GetReference(candidate.AsSpan());
        for (int at = sizeof(ulong); at < text.Length - sizeof(ulong); at += sizeof(ulong))
        {
            if (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref left, at)) != Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref right, at)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text's first and last eight bytes (a shorter text: all its bytes, in <paramref name="head"/>) and a hash of
    /// them, its length and, past 16 bytes, the eight-byte chunks between them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Key(ReadOnlySpan<byte> text, out ulong head, out ulong tail)
    {
        int length = text.Length;
        ref byte start = ref MemoryMarshal.GetReference(text);
        if (length >= sizeof(ulong))
        {
            head = Unsafe.ReadUnaligned<ulong>(ref start);
            tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - sizeof(ulong)));
        }
        else if (length >= sizeof(uint))
        {
            head = Unsafe.ReadUnaligned<uint>(ref start) | ((ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - sizeof(uint))) << 32);
            tail = 0;
        }
        else
        {
            head = length == 0 ? 0 : start | ((ulong)Unsafe.Add(ref start, length >> 1) << 8) | ((ulong)Unsafe.Add(ref start, length - 1) << 16);
            tail = 0;
        }

        // The ends are multiplied side by side; past 16 bytes, the chunks between them follow in turn.
        ulong hash = (head * Multiplier) ^ (tail * TailMultiplier) ^ (uint)length;
        for (int at = sizeof(ulong); at < length - sizeof(ulong); at += sizeof(ulong))
        {
            hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, at))) * Multiplier;
        }

        return (uint)(hash ^ (hash >> 32));
    }

    /// <summary>A taken slot: its text's first and last eight bytes, index plus one (0: an empty slot) and length.</summary>
    private readonly struct Slot(ulong head, ulong tail, int entry, int length)
    {
        public readonly ulong Head = head;
        public readonly ulong Tail = tail;
        public readonly int Entry = entry;
        public readonly int Length = length;
    }
}
