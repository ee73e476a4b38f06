using System.Runtime.InteropServices;

namespace DogMonitor.Domain.Recording;

/// <summary>
/// Hard links, which .NET has no API for. A link keeps a segment's data alive after retention deletes the
/// buffer's name for it, which is how a running cut holds its segments without retention knowing about cuts.
/// </summary>
public static class HardLink
{
    private const int NoSuchFile = 2;      // ENOENT
    private const int NotPermitted = 1;    // EPERM: some filesystems (FUSE, SMB) refuse hard links
    private const int CrossDevice = 18;    // EXDEV
    private const int NotSupported = 95;   // EOPNOTSUPP

    /// <summary>Links <paramref name="target"/> to <paramref name="source"/>'s data (copies where links are impossible).</summary>
    /// <returns>False when <paramref name="source"/> does not exist (any more).</returns>
    public static bool TryCreate(string source, string target)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            if (link(source, target) == 0) return true;
            var error = Marshal.GetLastPInvokeError();
            if (error == NoSuchFile) return false;
            if (error is not (NotPermitted or CrossDevice or NotSupported))
                throw new IOException($"Could not hard-link {target} to {source}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
        }

        // Without links a copy also survives the buffer's deletion; it only costs space and time.
        try
        {
            File.Copy(source, target);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    // CA2101 misreads explicit UTF-8 marshalling; LibraryImport (SYSLIB1054) would need unsafe code enabled in this project.
#pragma warning disable SYSLIB1054, CA2101
    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
#pragma warning restore SYSLIB1054, CA2101
}
