using System.Diagnostics;

namespace DogMonitor.Faults.Stack;

/// <summary>A small filesystem of its own (tmpfs), to fill a disk for real; unmounted on dispose.</summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public long Free => new DriveInfo(Path).AvailableFreeSpace;

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dogmonitor-small-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, said) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"This test fills a disk for real on a {megabytes} MB tmpfs it mounts, which needs root (CAP_SYS_ADMIN); run the tests as root, as ./test.sh does on CI. mount said: {said}");
        }
        return new SmallDisk(path);
    }

    /// <summary>Another program taking every byte of the disk: writes whatever space appears, until cancelled.</summary>
    public static async Task KeepFullAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
        var block = new byte[64 * 1024];
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await file.WriteAsync(block, CancellationToken.None);
                await file.FlushAsync(CancellationToken.None);
            }
            catch (IOException)
            {
                await Task.Delay(20, CancellationToken.None); // full: try again when something is freed
            }
        }
    }

    public void Dispose()
    {
        RunAsync("umount", "-l", Path).GetAwaiter().GetResult();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    private static async Task<(int Code, string Said)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var said = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, said.Trim());
    }
}
