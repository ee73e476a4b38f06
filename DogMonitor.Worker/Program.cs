namespace DogMonitor.Worker;

// Not top-level statements: the web app references this assembly to host the same pipeline in-process,
// and two global Program classes would collide there.
public static class WorkerProgram
{
    public static void Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddWorkerPipeline(builder.Configuration);
        builder.Services.AddHostedService<DependencyCheck>();
        builder.Build().Run();
    }
}
