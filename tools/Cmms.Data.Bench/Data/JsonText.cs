using System.Globalization;
using System.Net;
using System.Text;

namespace Cmms.Data.Bench.Data;

/// <summary>
///     Builds the small JSON documents of the generated rows. Keys vary from row to row (optional members), as
///     real jsonb columns do, so the GIN containment queries have something to select on.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new("{");

    public JsonText Add(string key, string value)
    {
        Key(key).Append('"').Append(value).Append('"');
        return this;
    }

    public JsonText Add(string key, long value)
    {
        Key(key).Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonText Add(string key, double value)
    {
        Key(key).Append(value.ToString("0.#####", CultureInfo.InvariantCulture));
        return this;
    }

    public JsonText Add(string key, bool value)
    {
        Key(key).Append(value ? "true" : "false");
        return this;
    }

    public JsonText Add(string key, IEnumerable<string> values)
    {
        Key(key).Append('[').AppendJoin(',', values.Select(v => "\"" + v + "\"")).Append(']');
        return this;
    }

    public JsonText Add(string key, JsonText nested)
    {
        Key(key).Append(nested.ToString());
        return this;
    }

    /// <summary>Adds the member only with the given probability.</summary>
    public JsonText Maybe(SeededRandom random, double probability, Func<JsonText, JsonText> add)
        => random.Chance(probability) ? add(this) : this;

    public override string ToString() => _text.ToString() + "}";

    /// <summary>A random public-looking IPv4 address, or IPv6 one time in ten.</summary>
    public static IPAddress Ip(SeededRandom random)
    {
        if (random.Chance(0.1))
        {
            var bytes = new byte[16];
            bytes[0] = 0x2a;
            bytes[1] = 0x01;
            for (var i = 2; i < 16; i++)
            {
                bytes[i] = (byte)random.Next(256);
            }

            return new IPAddress(bytes);
        }

        return new IPAddress(new byte[] { (byte)random.Between(11, 223), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Between(1, 254) });
    }

    private StringBuilder Key(string key) => (_text.Length > 1 ? _text.Append(',') : _text).Append('"').Append(key).Append("\":");
}
