using System.Globalization;
using System.Text;
using Npgsql;

namespace Cmms.Data.Connection;

/// <summary>
///     Converts a libpq connection URI (<c>postgresql://user:password@host:port/database?sslmode=require</c>, also
///     <c>postgres://</c>), the form libpq and most hosting platforms hand out, into Npgsql's key-value form.
/// </summary>
/// <remarks>
///     The grammar is libpq's, https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS:
///     <c>scheme://[user[:password]@][host[:port][,host[:port]…]][/database][?key=value[&amp;…]]</c>, every part
///     percent-decoded, IPv6 hosts in brackets. The user part ends at the first <c>@</c> before any <c>/</c>, as in libpq.
///     Query keys are libpq keywords; those Npgsql has no equivalent for are rejected. Errors name the part or the key
///     that is wrong, never any text of the URI (it may hold a password).
/// </remarks>
internal static class PostgresUri
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // libpq keyword → Npgsql keyword. Keys without an Npgsql equivalent (e.g. gssencmode) are rejected rather than dropped.
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["hostaddr"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["passfile"] = "Passfile",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["sslmode"] = "SSL Mode",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslrootcert"] = "Root Certificate",
        ["sslpassword"] = "SSL Password",
        ["target_session_attrs"] = "Target Session Attributes",
        ["keepalives_idle"] = "Keepalive",
        ["krbsrvname"] = "Kerberos Service Name",
        ["client_encoding"] = "Client Encoding",
    };

    /// <summary>Whether <paramref name="text" /> starts with <c>postgresql://</c> or <c>postgres://</c>.</summary>
    public static bool IsUri(string text) => Schemes.Any(s => text.TrimStart().StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The URI as an Npgsql builder.</summary>
    /// <exception cref="FormatException">The URI is malformed; the message names the part, without its text.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);

        var text = uri.Trim();
        var rest = text[Schemes.First(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)).Length..];
        var builder = new NpgsqlConnectionStringBuilder();

        // As libpq: the user part ends at the first '@' before any '/', so a password may hold an unencoded '?'.
        var userEnd = rest.IndexOfAny(['@', '/']);
        if (userEnd >= 0 && rest[userEnd] == '@')
        {
            var userInfo = rest[..userEnd];
            rest = rest[(userEnd + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            Set(builder, "Username", Decode(colon < 0 ? userInfo : userInfo[..colon], "user name"), "the user name");
            if (colon >= 0)
            {
                Set(builder, "Password", Decode(userInfo[(colon + 1)..], "password"), "the password");
            }
        }

        var query = Cut(ref rest, '?');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hosts = slash < 0 ? rest : rest[..slash];
        if (slash >= 0 && rest[(slash + 1)..] is { Length: > 0 } database)
        {
            Set(builder, "Database", Decode(database, "database name"), "the database name");
        }

        SetHosts(builder, hosts);
        if (query is not null)
        {
            SetParameters(builder, query);
        }

        return builder;
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hostList)
    {
        if (hostList.Length == 0)
        {
            return;
        }

        var hosts = new List<(string Host, string? Port)>();
        foreach (var entry in hostList.Split(','))
        {
            string host;
            string? port;
            if (entry.StartsWith('['))
            {
                var close = entry.IndexOf(']', StringComparison.Ordinal);
                if (close < 0 || (close + 1 < entry.Length && entry[close + 1] != ':'))
                {
                    throw new FormatException("an IPv6 host in the URI lacks its closing ']'");
                }

                host = entry[1..close];
                port = close + 1 < entry.Length ? entry[(close + 2)..] : null;
            }
            else
            {
                var colon = entry.LastIndexOf(':');
                host = colon < 0 ? entry : entry[..colon];
                port = colon < 0 ? null : entry[(colon + 1)..];
            }

            port = port is null ? null : Decode(port, "port");
            if (port is not null && !(ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0))
            {
                throw new FormatException("the port in the URI is not a number from 1 to 65535");
            }

            hosts.Add((Decode(host, "host"), port));
        }

        if (hosts is [var (single, singlePort)])
        {
            Set(builder, "Host", single, "the host");
            if (singlePort is not null)
            {
                Set(builder, "Port", singlePort, "the port");
            }

            return;
        }

        // Npgsql takes several hosts, each with its own port, as Host=a:5432,b:5433 (IPv6 in brackets).
        Set(builder, "Host", string.Join(',', hosts.Select(h => (h.Host.Contains(':', StringComparison.Ordinal) ? $"[{h.Host}]" : h.Host) + (h.Port is null ? string.Empty : ":" + h.Port))), "the host");
    }

    private static void SetParameters(NpgsqlConnectionStringBuilder builder, string query)
    {
        var position = 0;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            position++;
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals], "query parameter");
            if (equals < 0 || !Keywords.TryGetValue(key, out var keyword))
            {
                // The key's text is not repeated: a mistyped URI can put part of a password here.
                throw new FormatException(
                    $"query parameter {position} of the URI is not key=value with a key cmms-db converts (supported: {string.Join(", ", Keywords.Keys)})");
            }

            Set(builder, keyword, Decode(pair[(equals + 1)..], key), $"the value of {key}");
        }
    }

    private static void Set(NpgsqlConnectionStringBuilder builder, string keyword, string value, string what)
    {
        try
        {
            builder[keyword] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's message quotes the value; say only which part is wrong.
            throw new FormatException($"{what} in the URI is not valid for {keyword}");
        }
    }

    // Strict percent-decoding, as libpq's: a '%' not followed by two hex digits, or bytes that are not UTF-8, fail
    // (Uri.UnescapeDataString would leave them as they are).
    private static string Decode(string part, string what)
    {
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(part[i].ToString()));
            }
            else if (i + 2 < part.Length && Uri.IsHexDigit(part[i + 1]) && Uri.IsHexDigit(part[i + 2]))
            {
                bytes.Add(Convert.ToByte(part.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                throw new FormatException($"the {what} in the URI has a bad percent-escape");
            }
        }

        try
        {
            return Utf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"the {what} in the URI has a bad percent-escape");
        }
    }

    private static string? Cut(ref string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var tail = text[(at + 1)..];
        text = text[..at];
        return tail;
    }
}
