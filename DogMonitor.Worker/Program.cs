using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Storage;
using DogMonitor.Worker;

var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddDogMonitorDatabase();
builder.Services.AddMediaStore();
builder.Services.AddHostedService<DependencyCheck>();

builder.Build().Run();
