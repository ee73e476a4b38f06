using System.Runtime.CompilerServices;

namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>Real ffmpeg/ffprobe output kept under <c>Samples/</c> beside these tests.</summary>
public static class SampleFiles
{
    public static string Read(string name) => File.ReadAllText(PathOf(name));

    // The copy in the build output when the project copies the folder there, else the folder beside this source
    // file (the tests run where they were built).
    private static string PathOf(string name, [CallerFilePath] string sourceFile = "")
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Worker", "Ffmpeg", "Samples", name);
        if (File.Exists(copied)) return copied;
        var beside = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Samples", name);
        return File.Exists(beside) ? beside : throw new FileNotFoundException($"The sample {name} is neither in {copied} nor in {beside}.");
    }
}
