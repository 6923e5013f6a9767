using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Scenario.Runtime;
using Unions;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// Unions (tests/Schemas/unions.schema.json): each shape public schemas use most reads into its branch, writes back the
/// form it read, keeps a value no branch matches, compares by value, and reads naturally in code.
/// </summary>
public class UnionTests
{
    /// <summary>Every union of the schema, each in a branch, in compact form (so the output must be this text exactly).</summary>
    private const string FullOrder =
        """{"id":"o1","tags":["red","sale"],"aliases":"legacy-1","size":"medium","gift":{"paper":"gold","message":"Happy birthday"},"coupon":false,"quantity":2,"payment":{"type":"card","last4":"4242","expires":"12/29"},"shipping":{"street":"1 Main St","city":"Springfield"},"discounts":[{"percent":10.5,"label":"spring"},{"amount":5,"currency":"EUR"}],"attributes":{"color":"blue","weight":1.25,"dims":[10,20,["a",3]]},"note":{"text":"Leave at the door","bold":true},"pet":{"petType":"dog","bark":true}}""";

    private static Order Read(string json) => JsonSerializer.Deserialize(json, UnionsJsonContext.Default.Order)!;

    private static string Write(Order order) => JsonSerializer.Serialize(order, UnionsJsonContext.Default.Order);

    private static Order WithId(string fields) => Read("""{"id":"o","payment":{"type":"card","last4":"1"},""" + fields + "}");

    [Fact]
    public void A_full_order_round_trips_byte_for_byte()
    {
        Assert.Equal(FullOrder, Write(Read(FullOrder)));
    }

    [Fact]
    public void Each_union_reads_into_the_branch_its_JSON_is()
    {
        Order order = Read(FullOrder);

        Assert.Equal(new[] { "red", "sale" }, order.Tags!.Value.AsArray);
        Assert.Equal("legacy-1", order.Aliases!.Value.AsString);
        Assert.True(order.Size == OrderSize.Medium);
        Assert.Equal("gold", order.Gift!.Value.AsObject.Paper);
        Assert.False(order.Coupon!.Value.AsBoolean);
        Assert.Equal(2L, order.Quantity!.Value.AsInteger);
        Assert.Equal("4242", order.Payment.AsCard.Last4);
        Assert.Equal("Springfield", order.Shipping!.Value.AsAddress.City);
        Assert.Equal(10.5, order.Discounts![0].AsPercent.Percent);
        Assert.Equal("EUR", order.Discounts![1].AsAmount.Currency);
        Assert.Equal("blue", order.Attributes!["color"].AsString);
        Assert.Equal(1.25, order.Attributes!["weight"].AsNumber);
        Assert.Equal(3, order.Attributes!["dims"].AsArray[2].AsArray[1].AsNumber);
        Assert.Equal("Leave at the door", order.Note!.Value.AsObject.Text);
        Assert.True(order.Pet!.Value.AsDog.Bark);
    }

    [Theory]
    [InlineData("\"tags\":\"one\"", "String")]
    [InlineData("\"tags\":[]", "Array")]
    [InlineData("\"gift\":true", "Boolean")]
    [InlineData("\"gift\":{}", "Object")]
    [InlineData("\"coupon\":\"SPRING\"", "String")]
    [InlineData("\"quantity\":7", "Integer")]
    [InlineData("\"quantity\":7.5", "Number")]
    [InlineData("\"quantity\":\"a dozen\"", "String")]
    [InlineData("\"quantity\":true", "Boolean")]
    [InlineData("\"note\":\"plain\"", "String")]
    [InlineData("\"note\":[\"line 1\",\"line 2\"]", "Array")]
    public void The_token_decides_between_branches_of_different_kinds(string field, string branch)
    {
        Order order = WithId(field);
        object union = field.Split(':')[0].Trim('"') switch
        {
            "tags" => order.Tags!.Value,
            "gift" => order.Gift!.Value,
            "coupon" => order.Coupon!.Value,
            "quantity" => order.Quantity!.Value,
            _ => order.Note!.Value,
        };

        Assert.StartsWith(branch + (branch is "Array" ? " (" : ":"), union.ToString(), StringComparison.Ordinal);
        Assert.Contains(field, Write(order), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"iban":"DE02","type":"bank_transfer"}""", "BankTransfer")]
    [InlineData("""{"type":"voucher","code":"V1"}""", "Voucher")]
    [InlineData("""{"code":"G1","type":"gift_card"}""", "Voucher")]
    [InlineData("""{"type":"card","last4":"0005"}""", "Card")]
    public void A_discriminator_property_decides_between_objects_wherever_it_is(string payment, string branch)
    {
        Order order = Read("""{"id":"o","payment":""" + payment + "}");

        Assert.StartsWith(branch + ":", order.Payment.ToString(), StringComparison.Ordinal);
        JsonAssert.Equivalent("""{"id":"o","payment":""" + payment + "}", Write(order));
    }

    /// <summary>
    /// The discriminator first is read once, the branch's reader going on from its value; anywhere else, or not plain,
    /// the union reads ahead on a copy. Both must give what the branch's own reader gives, and write back the same JSON.
    /// </summary>
    [Theory]
    [InlineData("""{"type":"card","last4":"1","expires":"12/29"}""", "Card")]
    [InlineData("""{"last4":"1","type":"card","expires":"12/29"}""", "Card")]
    [InlineData("""{"last4":"1","expires":"12/29","type":"card"}""", "Card")]
    [InlineData("""{"t\u0079pe":"card","last4":"1"}""", "Card")]
    [InlineData("""{"type":"c\u0061rd","last4":"1"}""", "Card")]
    [InlineData("""{"type":"card","last4":"1","type":"card"}""", "Card")]
    [InlineData("""{"type":"card","last4":"1","type":"voucher"}""", "Card")]
    [InlineData("""{"type":"card","extra":[1,{"a":null}],"last4":"1"}""", "Card")]
    [InlineData("""{"type":"gift_card","code":"G1"}""", "Voucher")]
    [InlineData("""{"type":"bank_transfer","iban":"DE02"}""", "BankTransfer")]
    public void The_discriminator_decides_the_same_wherever_and_however_it_is_written(string payment, string branch)
    {
        string json = """{"id":"o","payment":""" + payment + "}";

        Order order = Read(json);

        Payment expected = branch switch
        {
            "Card" => JsonSerializer.Deserialize(payment, UnionsJsonContext.Default.Card)!,
            "Voucher" => JsonSerializer.Deserialize(payment, UnionsJsonContext.Default.Voucher)!,
            _ => JsonSerializer.Deserialize(payment, UnionsJsonContext.Default.BankTransfer)!,
        };
        Assert.StartsWith(branch + ":", order.Payment.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected, order.Payment);
    }

    [Theory]
    [InlineData("""{"type":"crypto","last4":"1"}""")]
    [InlineData("""{"type":5,"last4":"1"}""")]
    [InlineData("""{"type":null,"last4":"1"}""")]
    [InlineData("""{"type":"card","last4":5}""")]
    [InlineData("""{"type":"card"}""")]
    [InlineData("""{"last4":"1","type":"crypto"}""")]
    [InlineData("""{}""")]
    public void A_discriminator_first_that_names_no_branch_or_a_branch_that_refuses_keeps_the_value(string payment)
    {
        string json = """{"id":"o","payment":""" + payment + "}";

        Order order = Read(json);

        Assert.True(order.Payment.IsUnknown);
        Assert.True(order.Payment.TryGetUnknown(out JsonElement kept));
        Assert.Equal(payment, kept.GetRawText());
        Assert.Equal(json, Write(order));
    }

    [Fact]
    public void Openapi_discriminator_mapping_decides()
    {
        Assert.Equal(9L, WithId("""  "pet":{"lives":9,"petType":"cat"}""").Pet!.Value.AsCat.Lives);
        Assert.Equal(9L, WithId("""  "pet":{"petType":"cat","lives":9}""").Pet!.Value.AsCat.Lives);
        Assert.Equal("cat", WithId("""  "pet":{"petType":"cat","lives":9}""").Pet!.Value.AsCat.PetType);
        Assert.True(WithId("""  "pet":{"petType":"dog","bark":false}""").Pet!.Value.IsDog);
    }

    [Fact]
    public void Required_properties_decide_between_objects_without_a_discriminator()
    {
        Order order = WithId("""  "discounts":[{"label":"x","amount":3,"currency":"USD"},{"percent":1},{"label":"only a label"}]""");

        Assert.True(order.Discounts![0].IsAmount);
        Assert.True(order.Discounts[1].IsPercent);
        Assert.True(order.Discounts[2].IsUnknown, "an object with neither branch's required properties matches neither");
    }

    [Theory]
    [InlineData("\"payment\":{\"type\":\"crypto\",\"wallet\":\"0xabc\"}")]
    [InlineData("\"payment\":{\"type\":\"card\"}")]
    [InlineData("\"payment\":{\"last4\":\"1234\"}")]
    [InlineData("\"payment\":\"cash\"")]
    [InlineData("\"payment\":null")]
    public void A_value_no_branch_matches_is_kept_and_written_back_unchanged(string field)
    {
        string json = "{\"id\":\"o\"," + field + "}";

        Order order = Read(json);

        Assert.True(order.Payment.IsUnknown);
        Assert.True(order.Payment.TryGetUnknown(out JsonElement kept));
        Assert.Equal(field.Substring("\"payment\":".Length), kept.GetRawText());
        Assert.Equal(json, Write(order));
        Assert.Throws<InvalidOperationException>(() => order.Payment.AsCard);
    }

    [Theory]
    [InlineData("\"gift\":5")]
    [InlineData("\"quantity\":[1]")]
    [InlineData("\"tags\":[1,2]")]
    [InlineData("\"attributes\":{\"a\":{\"nested\":true}}")]
    [InlineData("\"shipping\":{\"street\":\"no city\"}")]
    public void Unknown_values_deep_in_a_document_are_kept_too(string field)
    {
        string json = "{\"id\":\"o\"," + field + ",\"payment\":{\"type\":\"card\",\"last4\":\"1\"}}";

        string written = Write(Read(json));

        JsonAssert.Equivalent(json, written);
        Assert.Contains(field, written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_of_unions_has_the_branches_of_both()
    {
        Note note = WithId("\"note\":[\"a\"]").Note!.Value;

        Assert.True(note.IsArray);
        Assert.Equal(new[] { "a" }, note.AsArray);
        Assert.Equal("ab", note.Match(text => text, rich => rich.Text, lines => string.Concat(lines), unknown => "?") + "b");
    }

    [Fact]
    public void Null_in_a_union_makes_it_nullable_and_is_written_back()
    {
        Order order = WithId("\"coupon\":null,\"note\":null");

        Assert.Null(order.Coupon);
        Assert.Null(order.Note);
        Assert.Equal("""{"id":"o","coupon":null,"payment":{"type":"card","last4":"1"},"note":null}""", Write(order));
    }

    [Fact]
    public void Unions_made_in_code_convert_from_each_branch_and_write_their_form()
    {
        var order = new Order
        {
            Id = "o9",
            Tags = new[] { "a", "b" },
            Aliases = "x",
            Size = OrderSize.Large,
            Gift = true,
            Coupon = "TEN",
            Quantity = 3,
            Payment = new Card { Last4 = "4242" },
            Shipping = new Address { Street = "2 High St", City = "Leeds" },
            Discounts = new List<Discount> { new DiscountPercent { Percent = 5 } },
            Attributes = new Dictionary<string, Value> { ["n"] = 1.5, ["list"] = new List<Value> { "x", 2 } },
            Note = "hi",
            Pet = new Cat { PetType = "cat" },
        };

        Assert.Equal(
            """{"id":"o9","tags":["a","b"],"aliases":"x","size":"large","gift":true,"coupon":"TEN","quantity":3,"payment":{"type":"card","last4":"4242"},"shipping":{"street":"2 High St","city":"Leeds"},"discounts":[{"percent":5}],"attributes":{"n":1.5,"list":["x",2]},"note":"hi","pet":{"petType":"cat"}}""",
            Write(order));
        Assert.Equal(order, Read(Write(order)));
    }

    [Fact]
    public void Match_switch_and_try_get_follow_the_branch()
    {
        Payment payment = Read(FullOrder).Payment;

        Assert.Equal("card 4242", payment.Match(card => "card " + card.Last4, bank => "bank", voucher => "voucher", unknown => "unknown"));
        string? seen = null;
        payment.Switch(card => seen = card.Last4, bank => seen = "bank", voucher => seen = "voucher");
        Assert.Equal("4242", seen);
        Assert.True(payment.TryGetCard(out Card? card));
        Assert.Equal("4242", card.Last4);
        Assert.False(payment.TryGetVoucher(out Voucher? voucher));
        Assert.Null(voucher);
        Assert.Throws<ArgumentNullException>(() => payment.Match<int>(null!, _ => 0, _ => 0, _ => 0));
    }

    [Fact]
    public void Value_lets_Cs_own_switch_match_the_branches_the_unknown_and_default()
    {
        static string Describe(Payment payment) => payment.Value switch
        {
            Card card => "card " + card.Last4,
            BankTransfer => "bank",
            Voucher => "voucher",
            JsonElement unknown => "unknown " + unknown.GetRawText(),
            _ => "nothing",
        };

        Assert.Equal("card 4242", Describe(Read(FullOrder).Payment));
        Assert.Equal("unknown \"cash\"", Describe(Read("""{"id":"o","payment":"cash"}""").Payment));
        Assert.Equal("nothing", Describe(default));

        // Scalars come boxed, as their C# types; a union named Value has BranchValue, as a member cannot take its type's name.
        Assert.Equal(3L, WithId("\"quantity\":3").Quantity!.Value.Value);
        Assert.Equal(true, WithId("\"gift\":true").Gift!.Value.Value);
        Assert.Equal(1.5, WithId("\"attributes\":{\"n\":1.5}").Attributes!["n"].BranchValue);
        Assert.True(WithId("\"attributes\":{\"l\":[\"x\"]}").Attributes!["l"].BranchValue is IReadOnlyList<Value> { Count: 1 });
    }

    [Fact]
    public void Branches_built_on_one_base_share_its_interface_and_switch_by_type()
    {
        const string Json = """{"id":"o","payment":{"type":"card","last4":"1"},"loot":[{"id":"sword","rarity":"epic","damage":7},{"id":"helm","rarity":"mythic","defense":3},{"id":"ring"}]}""";
        Order order = Read(Json);

        // C#'s own switch over the branches, and the base's properties on any of them without a Match.
        static string Describe(OrderLootItem loot) => loot.Value switch
        {
            Weapon weapon => weapon.Id + " hits " + weapon.Damage,
            Armor armor => armor.Id + " blocks " + armor.Defense,
            JsonElement unknown => "unknown " + unknown.GetRawText(),
            _ => "nothing",
        };

        Assert.Equal(new[] { "sword hits 7", "helm blocks 3", "unknown {\"id\":\"ring\"}" }, order.Loot!.Select(Describe));
        Assert.Equal(new[] { "sword", "helm" }, order.Loot!.Select(l => l.Value).OfType<IItem>().Select(i => i.Id));

        // An open enum through the interface is the base's (optional) one; Armor requires it, so its own is not nullable.
        IItem helm = (IItem)order.Loot![1].Value!;
        Assert.Equal("mythic", helm.Rarity!.Value.WireValue);
        OpenEnum<ItemRarity> own = order.Loot[1].AsArmor.Rarity;
        Assert.False(own.IsKnown);
        Assert.True(((IItem)order.Loot[0].Value!).Rarity == ItemRarity.Epic);

        // The base implements its own interface; a Match over the branches gives the open enum with no cast.
        IItem plain = new Item { Id = "x", Rarity = ItemRarity.Rare };
        Assert.Equal("x", plain.Id);
        OpenEnum<ItemRarity>? rarity = order.Loot[0].Match(weapon => weapon.Rarity, armor => armor.Rarity, _ => null);
        Assert.True(rarity == ItemRarity.Epic);

        Assert.Equal(Json, Write(order));
    }

    [Fact]
    public void A_Match_whose_branches_give_an_open_enum_and_strings_is_a_string_with_no_cast()
    {
        static string Grade(OrderGrade grade) => grade.Match(letter => letter, scored => "score " + scored.Score, unknown => "?");

        Assert.Equal("b", Grade(WithId("\"grade\":\"b\"").Grade!.Value));
        Assert.Equal("z", Grade(WithId("\"grade\":\"z\"").Grade!.Value));
        Assert.Equal("score 7", Grade(WithId("\"grade\":{\"score\":7}").Grade!.Value));
        Assert.Equal("?", Grade(WithId("\"grade\":7").Grade!.Value));

        // The conversion is the wire value, exactly as read, and gives the same value back.
        string letter = WithId("\"grade\":\"z\"").Grade!.Value.AsString;
        Assert.Equal(OpenEnum<OrderGradeString>.FromWireValue("z"), OpenEnum<OrderGradeString>.FromWireValue(letter));
        Assert.False(OpenEnum<OrderGradeString>.FromWireValue(letter).IsKnown);
    }

    [Fact]
    public void A_default_union_holds_nothing_and_is_not_written()
    {
        Payment nothing = default;

        Assert.False(nothing.IsCard || nothing.IsBankTransfer || nothing.IsVoucher || nothing.IsUnknown);
        Assert.Equal("(no value)", nothing.ToString());
        Assert.Throws<InvalidOperationException>(() => nothing.Match(_ => 0, _ => 0, _ => 0, _ => 0));
        Assert.Throws<JsonException>(() => Write(new Order { Id = "o", Payment = nothing }));
    }

    [Fact]
    public void Equal_values_are_equal_and_hash_alike_by_branch_and_content()
    {
        Order first = Read(FullOrder);
        Order second = Read(FullOrder);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.Tags, second.Tags);
        Assert.True(first.Payment == second.Payment);
        Assert.NotEqual(WithId("\"tags\":\"a\"").Tags, WithId("\"tags\":[\"a\"]").Tags);
        Assert.NotEqual(WithId("\"quantity\":1").Quantity, WithId("\"quantity\":1.5").Quantity);
        Assert.Equal(WithId("\"payment\":{\"type\":\"x\",\"a\":[1,2]}").Payment, Read("{\"id\":\"o\",\"payment\":{\"a\":[1,2],\"type\":\"x\"}}").Payment);
    }

    [Fact]
    public void To_string_names_the_branch()
    {
        Order order = Read(FullOrder);

        Assert.Equal("Array (2 items)", order.Tags!.Value.ToString());
        Assert.Equal("Integer: 2", order.Quantity!.Value.ToString());
        Assert.Equal("Boolean: false", order.Coupon!.Value.ToString());
        Assert.StartsWith("Card: Card {", order.Payment.ToString(), StringComparison.Ordinal);
        Assert.Equal("Unknown: {\"type\":\"crypto\"}", WithId("\"payment\":{\"type\":\"crypto\"}").Payment.ToString());
    }

    [Fact]
    public async Task Unions_read_from_a_stream_in_small_buffers()
    {
        var options = new JsonSerializerOptions(UnionsJsonContext.Default.Options) { DefaultBufferSize = 16 };
        var context = new UnionsJsonContext(options);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(FullOrder));

        Order order = (await JsonSerializer.DeserializeAsync(stream, context.Order))!;

        Assert.Equal(FullOrder, JsonSerializer.Serialize(order, context.Order));
    }
}
