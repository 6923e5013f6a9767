using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scenario.Benchmarks.UnionPeers;

// The union-heavy payload's shapes written by hand for System.Text.Json, as close as it gets to the generated types:
// - unions told apart by a discriminator (Payment by "type", Pet by "petType") are class hierarchies with
//   [JsonPolymorphic]/[JsonDerivedType], System.Text.Json's own support;
// - unions told apart by the token (Tags, Gift, Quantity, Shipping, Value) or by required properties (Discount) have no
//   attribute in System.Text.Json: they are readonly structs, like the generated ones, each with a hand-written
//   JsonConverter that looks at the token (or, for Discount, at the object's property names) and reads the branch
//   through the source-generated metadata.

public sealed class PeerOrderList
{
    [JsonPropertyName("orders")] public List<PeerOrder> Orders { get; set; } = null!;
}

public sealed class PeerOrder
{
    [JsonPropertyName("id")] public string Id { get; set; } = null!;
    [JsonPropertyName("tags")] public PeerTags? Tags { get; set; }
    [JsonPropertyName("gift")] public PeerGift? Gift { get; set; }
    [JsonPropertyName("quantity")] public PeerQuantity? Quantity { get; set; }
    [JsonPropertyName("payment")] public PeerPayment Payment { get; set; } = null!;
    [JsonPropertyName("shipping")] public PeerShipping? Shipping { get; set; }
    [JsonPropertyName("discounts")] public List<PeerDiscount>? Discounts { get; set; }
    [JsonPropertyName("attributes")] public Dictionary<string, PeerValue>? Attributes { get; set; }
    [JsonPropertyName("pet")] public PeerPet? Pet { get; set; }
}

public sealed class PeerWrapping
{
    [JsonPropertyName("paper")] public string? Paper { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

public sealed class PeerAddress
{
    [JsonPropertyName("street")] public string Street { get; set; } = null!;
    [JsonPropertyName("city")] public string City { get; set; } = null!;
    [JsonPropertyName("zip")] public string? Zip { get; set; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PeerCard), "card")]
[JsonDerivedType(typeof(PeerBankTransfer), "bank_transfer")]
[JsonDerivedType(typeof(PeerVoucher), "voucher")]
public abstract class PeerPayment
{
}

public sealed class PeerCard : PeerPayment
{
    [JsonPropertyName("last4")] public string Last4 { get; set; } = null!;
    [JsonPropertyName("expires")] public string? Expires { get; set; }
}

public sealed class PeerBankTransfer : PeerPayment
{
    [JsonPropertyName("iban")] public string Iban { get; set; } = null!;
}

public sealed class PeerVoucher : PeerPayment
{
    [JsonPropertyName("code")] public string Code { get; set; } = null!;
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "petType")]
[JsonDerivedType(typeof(PeerDog), "dog")]
[JsonDerivedType(typeof(PeerCat), "cat")]
public abstract class PeerPet
{
}

public sealed class PeerDog : PeerPet
{
    [JsonPropertyName("bark")] public bool Bark { get; set; }
}

public sealed class PeerCat : PeerPet
{
    [JsonPropertyName("lives")] public long? Lives { get; set; }
}

public sealed class PeerPercent
{
    [JsonPropertyName("percent")] public double Percent { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
}

public sealed class PeerAmount
{
    [JsonPropertyName("amount")] public long Amount { get; set; }
    [JsonPropertyName("currency")] public string Currency { get; set; } = null!;
    [JsonPropertyName("label")] public string? Label { get; set; }
}

/// <summary>One tag, or several.</summary>
[JsonConverter(typeof(PeerTagsConverter))]
public readonly struct PeerTags(string? one, List<string>? many)
{
    public string? One { get; } = one;
    public List<string>? Many { get; } = many;
}

/// <summary>true/false, or the wrapping's options.</summary>
[JsonConverter(typeof(PeerGiftConverter))]
public readonly struct PeerGift(bool flag, PeerWrapping? wrapping)
{
    public bool Flag { get; } = flag;
    public PeerWrapping? Wrapping { get; } = wrapping;
}

/// <summary>An integer, or a string.</summary>
[JsonConverter(typeof(PeerQuantityConverter))]
public readonly struct PeerQuantity(long number, string? text)
{
    public long Number { get; } = number;
    public string? Text { get; } = text;
}

/// <summary>A pickup point's id, or an address.</summary>
[JsonConverter(typeof(PeerShippingConverter))]
public readonly struct PeerShipping(string? pickup, PeerAddress? address)
{
    public string? Pickup { get; } = pickup;
    public PeerAddress? Address { get; } = address;
}

/// <summary>A percentage or an amount, told apart by their required properties.</summary>
[JsonConverter(typeof(PeerDiscountConverter))]
public readonly struct PeerDiscount(PeerPercent? percent, PeerAmount? amount)
{
    public PeerPercent? Percent { get; } = percent;
    public PeerAmount? Amount { get; } = amount;
}

/// <summary>A string, a number, or a list of values.</summary>
[JsonConverter(typeof(PeerValueConverter))]
public readonly struct PeerValue(string? text, double number, List<PeerValue>? items)
{
    public string? Text { get; } = text;
    public double Number { get; } = number;
    public List<PeerValue>? Items { get; } = items;
}

public sealed class PeerTagsConverter : JsonConverter<PeerTags>
{
    public override PeerTags Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new PeerTags(reader.GetString(), null),
        JsonTokenType.StartArray => new PeerTags(null, JsonSerializer.Deserialize(ref reader, UnionPeerContext.Default.ListString)),
        _ => throw new JsonException("tags: a string or an array"),
    };

    public override void Write(Utf8JsonWriter writer, PeerTags value, JsonSerializerOptions options)
    {
        if (value.One is { } one)
        {
            writer.WriteStringValue(one);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Many!, UnionPeerContext.Default.ListString);
        }
    }
}

public sealed class PeerGiftConverter : JsonConverter<PeerGift>
{
    public override PeerGift Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => new PeerGift(true, null),
        JsonTokenType.False => new PeerGift(false, null),
        JsonTokenType.StartObject => new PeerGift(false, JsonSerializer.Deserialize(ref reader, UnionPeerContext.Default.PeerWrapping)),
        _ => throw new JsonException("gift: a boolean or an object"),
    };

    public override void Write(Utf8JsonWriter writer, PeerGift value, JsonSerializerOptions options)
    {
        if (value.Wrapping is { } wrapping)
        {
            JsonSerializer.Serialize(writer, wrapping, UnionPeerContext.Default.PeerWrapping);
        }
        else
        {
            writer.WriteBooleanValue(value.Flag);
        }
    }
}

public sealed class PeerQuantityConverter : JsonConverter<PeerQuantity>
{
    public override PeerQuantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new PeerQuantity(reader.GetInt64(), null),
        JsonTokenType.String => new PeerQuantity(0, reader.GetString()),
        _ => throw new JsonException("quantity: an integer or a string"),
    };

    public override void Write(Utf8JsonWriter writer, PeerQuantity value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }
}

public sealed class PeerShippingConverter : JsonConverter<PeerShipping>
{
    public override PeerShipping Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new PeerShipping(reader.GetString(), null),
        JsonTokenType.StartObject => new PeerShipping(null, JsonSerializer.Deserialize(ref reader, UnionPeerContext.Default.PeerAddress)),
        _ => throw new JsonException("shipping: a string or an object"),
    };

    public override void Write(Utf8JsonWriter writer, PeerShipping value, JsonSerializerOptions options)
    {
        if (value.Pickup is { } pickup)
        {
            writer.WriteStringValue(pickup);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Address!, UnionPeerContext.Default.PeerAddress);
        }
    }
}

public sealed class PeerDiscountConverter : JsonConverter<PeerDiscount>
{
    private static ReadOnlySpan<byte> Percent => "percent"u8;

    public override PeerDiscount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("discount: an object");
        }

        // Which branch: a look at the object's own property names, on a copy of the reader.
        Utf8JsonReader scan = reader;
        bool percent = false;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            if (scan.ValueTextEquals(Percent))
            {
                percent = true;
                break;
            }

            scan.Read();
            scan.Skip();
        }

        return percent
            ? new PeerDiscount(JsonSerializer.Deserialize(ref reader, UnionPeerContext.Default.PeerPercent), null)
            : new PeerDiscount(null, JsonSerializer.Deserialize(ref reader, UnionPeerContext.Default.PeerAmount));
    }

    public override void Write(Utf8JsonWriter writer, PeerDiscount value, JsonSerializerOptions options)
    {
        if (value.Percent is { } percent)
        {
            JsonSerializer.Serialize(writer, percent, UnionPeerContext.Default.PeerPercent);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Amount!, UnionPeerContext.Default.PeerAmount);
        }
    }
}

public sealed class PeerValueConverter : JsonConverter<PeerValue>
{
    public override PeerValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new PeerValue(reader.GetString(), 0, null);
            case JsonTokenType.Number:
                return new PeerValue(null, reader.GetDouble(), null);
            case JsonTokenType.StartArray:
                var items = new List<PeerValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader, typeToConvert, options));
                }

                return new PeerValue(null, 0, items);
            default:
                throw new JsonException("value: a string, a number or an array");
        }
    }

    public override void Write(Utf8JsonWriter writer, PeerValue value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else if (value.Items is { } items)
        {
            writer.WriteStartArray();
            foreach (PeerValue item in items)
            {
                Write(writer, item, options);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }
}

/// <summary>System.Text.Json's source generator over the peers.</summary>
[JsonSerializable(typeof(PeerOrderList))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(PeerWrapping))]
[JsonSerializable(typeof(PeerAddress))]
[JsonSerializable(typeof(PeerPercent))]
[JsonSerializable(typeof(PeerAmount))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
public partial class UnionPeerContext : JsonSerializerContext
{
}
