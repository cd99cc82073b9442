using System.Globalization;
using System.Text;

namespace Cmms.Data.Conventions.Naming;

/// <summary>
///     Turns a .NET or EF Core default name into snake_case with the rules of EFCore.NamingConventions:
///     an underscore goes before an upper-case letter that follows a lower-case letter (<c>RoleId</c> → <c>role_id</c>)
///     or that ends an acronym (<c>HTTPServer</c> → <c>http_server</c>); digits join the word before them
///     (<c>Address1Line</c> → <c>address1line</c>); other punctuation and spaces become a single underscore.
/// </summary>
internal static class SnakeCaseNameRewriter
{
    public static string Rewrite(string name)
    {
        var builder = new StringBuilder(name.Length + (name.Length / 4));
        var pendingSeparator = false;

        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            if (current == '_')
            {
                builder.Append('_');
                pendingSeparator = false;
                continue;
            }

            if (!char.IsLetterOrDigit(current))
            {
                pendingSeparator = builder.Length > 0;
                continue;
            }

            if (pendingSeparator)
            {
                builder.Append('_');
                pendingSeparator = false;
            }
            else if (char.IsUpper(current) && i > 0 && StartsWord(name, i))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLower(current, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static bool StartsWord(string name, int index)
    {
        var previous = name[index - 1];
        if (char.IsLower(previous))
        {
            return true;
        }

        // The last capital of an acronym starts the next word: HTTPServer → http_server.
        return char.IsUpper(previous) && index + 1 < name.Length && char.IsLower(name[index + 1]);
    }
}
