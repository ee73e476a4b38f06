using System.Text.RegularExpressions;

namespace DogMonitor.Faults.Stack;

/// <summary>What a worker is doing, seen from outside as an operator would: its ffmpeg children, read from /proc.</summary>
public static partial class ChildProcesses
{
    /// <summary>
    /// The clip whose cut an ffmpeg child of <paramref name="pid"/> is running: the worker cuts into
    /// work/{clip id}-{claim token}/, which is on ffmpeg's command line.
    /// </summary>
    public static Guid? ClipBeingCut(int pid) => Cutter(pid)?.ClipId;

    /// <summary>The ffmpeg child of <paramref name="pid"/> that cuts a clip, and that clip; null when idle.</summary>
    public static (int Pid, Guid ClipId)? Cutter(int pid)
    {
        foreach (var child in Children(pid))
        {
            string commandLine;
            try { commandLine = File.ReadAllText($"/proc/{child}/cmdline").Replace('\0', ' '); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (!commandLine.StartsWith("ffmpeg", StringComparison.Ordinal) && !commandLine.Contains("/ffmpeg ", StringComparison.Ordinal)) continue;
            var match = WorkFolder().Match(commandLine);
            if (match.Success) return (child, Guid.ParseExact(match.Groups[1].Value, "N"));
        }
        return null;
    }

    private static IEnumerable<int> Children(int pid)
    {
        foreach (var task in SafeDirectories($"/proc/{pid}/task"))
        {
            string children;
            try { children = File.ReadAllText(Path.Combine(task, "children")); }
            catch (IOException) { continue; }
            foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return int.Parse(child, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static string[] SafeDirectories(string path)
    {
        try { return Directory.GetDirectories(path); }
        catch (IOException) { return []; }
    }

    [GeneratedRegex(@"/work/([0-9a-f]{32})-[0-9a-f]{32}/")]
    private static partial Regex WorkFolder();
}
