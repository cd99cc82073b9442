using System.Data.Common;
using Npgsql;

namespace Cmms.Data.Connection;

/// <summary>
///     Parses Npgsql's <c>Key=Value;…</c> form one key at a time, so that a mistake is reported by the key's position
///     or name and never by its text: Npgsql's own messages quote the text, which may be (part of) a password.
/// </summary>
internal static class KeyValueConnectionString
{
    /// <exception cref="FormatException">The string is malformed; the message holds none of its text.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            throw new FormatException("it is not a list of Key=Value pairs separated by ';' (quote a value that holds ';' or '=' in double quotes)");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var position = 0;
        foreach (string key in pairs.Keys)
        {
            position++;
            if (!builder.ContainsKey(key))
            {
                // An unknown key is not named: a password with an unquoted ';' puts its tail here.
                throw new FormatException($"key {position} is not a connection string keyword Npgsql knows");
            }

            // A known keyword may be named: it is one of Npgsql's words, not the user's text.
            var keyword = key.Trim();
            try
            {
                builder[key] = pairs[key];
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw new FormatException($"the value of {keyword} is not valid");
            }
        }

        if (builder.Port is < 1 or > 65535)
        {
            throw new FormatException("Port must be a number from 1 to 65535");
        }

        return builder;
    }
}
