namespace Scenario.Generators.Parsing.Json;

/// <summary>
/// One string per distinct text, found by the characters before a string is made (open addressing). A lookup probes
/// a bounded number of slots: past it, the text gets a string of its own, so no input makes reading quadratic.
/// </summary>
internal sealed class StringTable
{
    private const int MaxProbes = 32;

    private string?[] _strings = new string?[256];
    private int[] _hashes = new int[256];
    private int _count;

    public string Get(string text, int start, int length)
    {
        int hash = Hash(text, start, length);
        int mask = _strings.Length - 1;
        int slot = hash & mask;
        for (int probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & mask)
        {
            string? existing = _strings[slot];
            if (existing is null)
            {
                string made = text.Substring(start, length);
                _strings[slot] = made;
                _hashes[slot] = hash;
                if (++_count * 2 > _strings.Length)
                {
                    Grow();
                }

                return made;
            }

            if (_hashes[slot] == hash && existing.Length == length && string.CompareOrdinal(text, start, existing, 0, length) == 0)
            {
                return existing;
            }
        }

        return text.Substring(start, length);
    }

    private static int Hash(string text, int start, int length)
    {
        // FNV-1a over the characters.
        uint hash = 2166136261;
        for (int i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 16777619;
        }

        return (int)(hash ^ (hash >> 15));
    }

    private void Grow()
    {
        string?[] strings = _strings;
        int[] hashes = _hashes;
        _strings = new string?[strings.Length * 2];
        _hashes = new int[strings.Length * 2];
        int mask = _strings.Length - 1;
        for (int i = 0; i < strings.Length; i++)
        {
            if (strings[i] is { } existing)
            {
                int slot = hashes[i] & mask;
                while (_strings[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                _strings[slot] = existing;
                _hashes[slot] = hashes[i];
            }
        }
    }
}
