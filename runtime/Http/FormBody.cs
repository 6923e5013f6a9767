using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace Scenario.Runtime.Http;

/// <summary>
/// A form body: <c>multipart/form-data</c> (fields and files) or <c>application/x-www-form-urlencoded</c> (fields), its
/// fields in the order added. Generated code fills it from the operation's form class.
/// </summary>
public sealed class FormBody : ApiBody
{
    private readonly List<(string Name, string? Value, ApiFile? File)> _fields = new();

    /// <summary>Creates an empty form: multipart when <paramref name="multipart"/>, else URL-encoded.</summary>
    public FormBody(bool multipart) => Multipart = multipart;

    /// <summary>Whether the form is sent as <c>multipart/form-data</c> (else <c>application/x-www-form-urlencoded</c>).</summary>
    public bool Multipart { get; }

    /// <inheritdoc />
    public override bool CanResend
    {
        get
        {
            foreach ((_, _, ApiFile? file) in _fields)
            {
                if (file is { CanResend: false })
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Adds a field.</summary>
    public FormBody Add(string name, string value)
    {
        _fields.Add((name ?? throw new ArgumentNullException(nameof(name)), value ?? throw new ArgumentNullException(nameof(value)), null));
        return this;
    }

    /// <summary>Adds a number field, written invariantly.</summary>
    public FormBody Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number field, written invariantly (round-trip precision).</summary>
    public FormBody Add(string name, double value) => Add(name, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a number field, written invariantly.</summary>
    public FormBody Add(string name, decimal value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean field as <c>true</c> or <c>false</c>.</summary>
    public FormBody Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>Adds a file (multipart only).</summary>
    /// <exception cref="InvalidOperationException">The form is URL-encoded, which holds no files.</exception>
    public FormBody Add(string name, ApiFile file)
    {
        if (!Multipart)
        {
            throw new InvalidOperationException("A URL-encoded form holds no files; the field '" + name + "' is a file.");
        }

        _fields.Add((name ?? throw new ArgumentNullException(nameof(name)), null, file ?? throw new ArgumentNullException(nameof(file))));
        return this;
    }

    internal override HttpContent CreateContent()
    {
        if (!Multipart)
        {
            var pairs = new List<KeyValuePair<string, string>>(_fields.Count);
            foreach ((string name, string? value, _) in _fields)
            {
                pairs.Add(new KeyValuePair<string, string>(name, value!));
            }

            return new FormUrlEncodedContent(pairs);
        }

        var form = new MultipartFormDataContent();
        foreach ((string name, string? value, ApiFile? file) in _fields)
        {
            if (file is null)
            {
                form.Add(new StringContent(value!), name);
                continue;
            }

            // A file part has a file name (RFC 7578, and servers read a part without one as a field): the field's when the file has none.
            HttpContent part = file.CreateContent();
            part.Headers.ContentType ??= new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, name, file.FileName ?? name);
        }

        return form;
    }
}
