using System.Security.Cryptography;

namespace Cmms.Data.LocalPostgres;

/// <summary>
/// The generated password of a persistent cluster's superuser, kept in <see cref="ClusterLayout.PasswordFile"/>:
/// one line, mode 0600 inside the 0700 cluster directory, so only its owner (and root) can read it.
/// <c>initdb --pwfile</c> reads the same file, taking its first line as the password.
/// </summary>
internal static class SuperuserPassword
{
    /// <summary>Read and write for the owner, nothing for anyone else (0600).</summary>
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>160 random bits as hex: nothing to escape in a connection string, a SQL literal or a shell.</summary>
    public static string Generate() => RandomNumberGenerator.GetHexString(40, lowercase: true);

    /// <summary>Writes <paramref name="password"/> to the password file, replacing it, readable by its owner only.</summary>
    public static void Write(ClusterLayout layout, string password)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var writer = new StreamWriter(layout.PasswordFile, options))
        {
            writer.Write(password + "\n");
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only when the file is new; an existing one keeps its mode otherwise.
            File.SetUnixFileMode(layout.PasswordFile, OwnerOnlyFile);
        }
    }

    /// <summary>The password in the password file, or <see langword="null"/> when there is none or it cannot be read.</summary>
    public static string? Read(ClusterLayout layout)
    {
        try
        {
            var password = File.ReadLines(layout.PasswordFile).FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(password) ? null : password;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
