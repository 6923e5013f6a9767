using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>
/// A list of formatted values (dates, uuids, …) read from JSON, which keeps the text each item was read from, so it is
/// written back exactly (<c>2023-02-03T11:19:41.579Z</c> stays so, not <c>…41.5790000+00:00</c>). Read-only, like every
/// list a generated record holds; a list made in code is written in the canonical form.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class FormattedList<T> : IReadOnlyList<T>
{
    private readonly List<T> _items = new();
    private readonly List<string> _texts = new();

    internal FormattedList()
    {
    }

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <summary>The JSON text the item at <paramref name="index"/> was read from.</summary>
    public string RawTextAt(int index) => _texts[index];

    internal void Add(T item, string text)
    {
        _items.Add(item);
        _texts.Add(text);
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A map of formatted values read from JSON, which keeps the text each value was read from; see <see cref="FormattedList{T}"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class FormattedMap<T> : IReadOnlyDictionary<string, T>
{
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    internal FormattedMap()
    {
    }

    /// <inheritdoc />
    public T this[string key] => _values[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<T> Values => _values.Values;

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <summary>The JSON text the value of <paramref name="key"/> was read from.</summary>
    public string RawTextOf(string key) => _texts[key];

    internal void Set(string key, T value, string text)
    {
        _values[key] = value;
        _texts[key] = text;
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out T value) => _values.TryGetValue(key, out value!);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
