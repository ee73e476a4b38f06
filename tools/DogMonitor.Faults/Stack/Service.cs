using System.Diagnostics;

namespace DogMonitor.Faults.Stack;

/// <summary>
/// PostgreSQL, RabbitMQ or the S3 test server as plain processes on loopback, started, stopped and started again on the
/// same port with the same data through scripts/service.sh (the same functions test.sh uses).
/// </summary>
public sealed class Service(string name, string directory, IReadOnlyDictionary<string, string>? environment)
{
    // Given to every verb, so that a server started again runs as the first did (the S3 server's request log).
    private readonly IReadOnlyDictionary<string, string> _environment = environment ?? new Dictionary<string, string>();

    public string Name { get; } = name;
    public string Directory { get; } = directory;

    /// <summary>What the service said about itself at start (POSTGRES_PORT, S3_KEY, …).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();

    public static async Task<Service> StartAsync(string name, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var service = new Service(name, directory, environment);
        var said = await service.RunAsync("start");
        service.Settings = said.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
        return service;
    }

    public Task StopAsync() => RunAsync("stop");
    public Task ResumeAsync() => RunAsync("resume");
    public Task RestartAsync() => RunAsync("restart");
    public Task RemoveAsync() => RunAsync("remove");

    private async Task<string> RunAsync(string verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Checkout.Root, "scripts", "service.sh"), verb, Name, Directory])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/service.sh {verb} {Name} failed ({process.ExitCode}): {(await error).Trim()} {(await output).Trim()}");
        return await output;
    }
}
