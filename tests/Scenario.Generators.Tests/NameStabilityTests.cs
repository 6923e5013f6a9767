using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// A generated type's name is an API: it depends on its own file alone (and, through a reference, on the file that
/// defines the type), never on which other files the project holds or in which order. Two files of one namespace that
/// give one name are renamed by one rule, each after its file, with SCENGEN017 at both.
/// </summary>
public class NameStabilityTests
{
    private static readonly Dictionary<string, string> Game = new() { ["build_metadata.AdditionalFiles.Namespace"] = "Game" };

    private const string Inventory = """
        { "title": "Inventory", "type": "object",
          "properties": {
            "slots": { "type": "array", "items": { "type": "object", "properties": { "item": { "$ref": "#/$defs/Item" }, "count": { "type": "integer" } } } },
            "rewards": { "type": "array", "items": { "oneOf": [
              { "title": "CurrencyReward", "type": "object", "required": ["coins"], "properties": { "coins": { "type": "integer" } } },
              { "title": "ItemReward", "type": "object", "required": ["item"], "properties": { "item": { "$ref": "#/$defs/Item" } } } ] } } },
          "$defs": {
            "Item": { "type": "object", "properties": { "id": { "type": "string" }, "rarity": { "$ref": "#/$defs/Rarity" }, "tags": { "type": "array", "items": { "enum": ["new", "sale"] } } } },
            "Rarity": { "enum": ["common", "rare", "epic"] } } }
        """;

    private const string Shop = """
        { "title": "Shop", "type": "object",
          "properties": { "offers": { "type": "array", "items": { "type": "object", "properties": { "price": { "$ref": "#/$defs/Price" }, "item": { "$ref": "inventory.schema.json#/$defs/Item" } } } } },
          "$defs": { "Price": { "type": "object", "properties": { "amount": { "type": "number" }, "currency": { "enum": ["gold", "gems"] } } } } }
        """;

    /// <summary>Files that share nothing with the others, named to sort before and between them.</summary>
    private const string Audio = """
        { "title": "Audio", "type": "object", "properties": { "tracks": { "type": "array", "items": { "$ref": "#/$defs/Track" } }, "volume": { "type": "number" } },
          "$defs": { "Track": { "type": "object", "properties": { "file": { "type": "string" }, "loop": { "type": "boolean" }, "mood": { "enum": ["calm", "tense"] } } } } }
        """;

    private const string Quests = """
        { "title": "Quests", "type": "object", "properties": { "list": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" }, "stage": { "type": "integer" } } } } } }
        """;

    private static SchemaFile File(string name, string text, Dictionary<string, string>? metadata = null) => GeneratorHarness.Inline(name + ".schema.json", text, metadata);

    /// <summary>Every generated file's hint name (namespace and type), the public surface a user's code names.</summary>
    private static HashSet<string> Names(GeneratorRun run)
    {
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        return new HashSet<string>(run.Sources.Keys, StringComparer.Ordinal);
    }

    [Fact]
    public void Adding_unrelated_schemas_in_any_order_keeps_every_existing_name()
    {
        HashSet<string> before = Names(GeneratorHarness.Run(File("inventory", Inventory, Game), File("shop", Shop, Game)));

        GeneratorRun after = GeneratorHarness.Run(
            File("aaa-audio", Audio, Game),
            File("quests", Quests),
            File("shop", Shop, Game),
            File("inventory", Inventory, Game),
            File("market", Audio.Replace("\"Audio\"", "\"Market\"").Replace("Track", "Stall"), Game));

        Assert.Empty(after.Diagnostics.Select(d => d.ToString()));
        HashSet<string> names = Names(after);
        Assert.DoesNotContain(before, n => !names.Contains(n));
        Assert.Contains("Game.Rarity.g.cs", before);
        Assert.Contains("Game.ShopOffersItem.g.cs", before);
    }

    [Fact]
    public void Two_files_of_one_namespace_that_give_one_name_are_both_renamed_after_their_files_with_a_warning_at_each()
    {
        const string loot = """
            { "title": "Loot", "type": "object", "properties": { "drops": { "type": "array", "items": { "$ref": "#/$defs/Rarity" } } },
              "$defs": { "Rarity": { "enum": ["common", "legendary"] } } }
            """;

        GeneratorRun alone = GeneratorHarness.Run(File("inventory", Inventory, Game));
        Assert.Contains("Game.Rarity.g.cs", Names(alone));

        GeneratorRun run = GeneratorHarness.Run(File("inventory", Inventory, Game), File("loot", loot, Game));
        HashSet<string> names = Names(run);

        Assert.Contains("Game.InventoryRarity.g.cs", names);
        Assert.Contains("Game.LootRarity.g.cs", names);
        Assert.DoesNotContain("Game.Rarity.g.cs", names);
        Assert.Contains("OpenEnum<global::Game.InventoryRarity>? Rarity", run.Sources["Game.Item.g.cs"], StringComparison.Ordinal);

        Diagnostic[] clashes = run.Diagnostics.Where(d => d.Id == "SCENGEN017").OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ToArray();
        Assert.Equal(2, clashes.Length);
        Assert.All(clashes, d => Assert.Equal(DiagnosticSeverity.Warning, d.Descriptor.DefaultSeverity));
        Assert.Equal("/project/inventory.schema.json", clashes[0].Location.GetLineSpan().Path);
        Assert.Equal("/project/loot.schema.json", clashes[1].Location.GetLineSpan().Path);
        Assert.Contains("loot.schema.json", clashes[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("InventoryRarity", clashes[0].GetMessage(), StringComparison.Ordinal);

        // At the definition the name came from: the line of "Rarity" under $defs.
        int line = clashes[1].Location.GetLineSpan().StartLinePosition.Line;
        Assert.Contains("\"Rarity\"", loot.Split('\n')[line], StringComparison.Ordinal);

        // The rule depends on the two files only: in the other order, the same names.
        Assert.Equal(names, Names(GeneratorHarness.Run(File("loot", loot, Game), File("inventory", Inventory, Game))));
    }

    [Fact]
    public void An_inline_type_takes_its_title_when_that_is_a_free_name_and_else_the_name_of_its_place()
    {
        HashSet<string> names = Names(GeneratorHarness.Run(File("inventory", Inventory, Game)));

        Assert.Contains("Game.CurrencyReward.g.cs", names);
        Assert.Contains("Game.ItemReward.g.cs", names);
        Assert.DoesNotContain(names, n => n.Contains("RewardsItemCurrencyReward", StringComparison.Ordinal));

        // A title given twice: the second is named by its place.
        string twice = Inventory.Replace("\"title\": \"ItemReward\"", "\"title\": \"CurrencyReward\"");
        HashSet<string> named = Names(GeneratorHarness.Run(File("inventory", twice, Game)));
        Assert.Contains("Game.CurrencyReward.g.cs", named);
        Assert.Contains("Game.InventoryRewardsItemCurrencyReward2.g.cs", named);

        // A title one of its own properties has would push the property aside (CoinsValue): the place names it.
        string own = Inventory.Replace("\"title\": \"CurrencyReward\"", "\"title\": \"Coins\"");
        HashSet<string> placed = Names(GeneratorHarness.Run(File("inventory", own, Game)));
        Assert.DoesNotContain("Game.Coins.g.cs", placed);
        Assert.Contains("Game.InventoryRewardsItemCoins.g.cs", placed);
    }
}
