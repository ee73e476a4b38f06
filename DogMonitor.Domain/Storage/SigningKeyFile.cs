using System.Security.Cryptography;
using System.Text;

namespace DogMonitor.Domain.Storage;

/// <summary>Finds the secret for signed media URLs: the configured one, or one kept in the data directory.</summary>
public static class SigningKeyFile
{
    public static byte[] Load(FileSystemStorageOptions options, DataDirectory dataDirectory)
    {
        if (!string.IsNullOrEmpty(options.SigningKey)) return Encoding.UTF8.GetBytes(options.SigningKey);

        var path = dataDirectory.Combine("secrets", "media-signing.key");
        if (File.Exists(path)) return File.ReadAllBytes(path);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(secret);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllBytes(path); // another process created it first
        }
    }
}
