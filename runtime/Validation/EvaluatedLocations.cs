using System.Collections.Generic;

namespace Scenario.Runtime.Validation;

/// <summary>
/// The annotations <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> read: which properties and items of one
/// value the schemas applied to it so far have evaluated. A subschema that fails loses its own, so each branch of
/// <c>anyOf</c>, <c>oneOf</c> and <c>if</c> collects into its own set, merged only when the branch passes.
/// </summary>
internal sealed class EvaluatedLocations
{
    private readonly HashSet<string> _properties = new(System.StringComparer.Ordinal);
    private readonly HashSet<int> _items = new();
    private int _itemsPrefix;
    private bool _allItems;

    /// <summary>Forgets everything, for reuse.</summary>
    public void Clear()
    {
        _properties.Clear();
        _items.Clear();
        _itemsPrefix = 0;
        _allItems = false;
    }

    /// <summary>Notes property <paramref name="name"/> as evaluated.</summary>
    public void AddProperty(string name) => _properties.Add(name);

    /// <summary>Whether property <paramref name="name"/> was evaluated.</summary>
    public bool HasProperty(string name) => _properties.Contains(name);

    /// <summary>Notes the first <paramref name="count"/> items as evaluated.</summary>
    public void AddItemsPrefix(int count)
    {
        if (count > _itemsPrefix)
        {
            _itemsPrefix = count;
        }
    }

    /// <summary>Notes every item as evaluated.</summary>
    public void AddAllItems() => _allItems = true;

    /// <summary>Notes item <paramref name="index"/> as evaluated.</summary>
    public void AddItem(int index) => _items.Add(index);

    /// <summary>Whether item <paramref name="index"/> was evaluated.</summary>
    public bool HasItem(int index) => _allItems || index < _itemsPrefix || _items.Contains(index);

    /// <summary>Adds what <paramref name="other"/> evaluated.</summary>
    public void Merge(EvaluatedLocations other)
    {
        _properties.UnionWith(other._properties);
        _items.UnionWith(other._items);
        AddItemsPrefix(other._itemsPrefix);
        _allItems |= other._allItems;
    }
}
