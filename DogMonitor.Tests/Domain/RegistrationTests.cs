using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Domain;

/// <summary>The web app and the worker pipeline it hosts both register the shared parts; twice must equal once.</summary>
public class RegistrationTests
{
    [Fact]
    public void RegisteringTheSharedPartsTwice_AddsNothingTheSecondTime()
    {
        var once = new ServiceCollection().AddDogMonitorDatabase().AddMediaStore().AddClipOptions();
        var twice = new ServiceCollection().AddDogMonitorDatabase().AddMediaStore().AddClipOptions()
            .AddDogMonitorDatabase().AddMediaStore().AddClipOptions();

        Assert.Equal(once.Count, twice.Count);
        Assert.Single(twice, d => d.ServiceType == typeof(IValidateOptions<StorageOptions>) && d.ImplementationType == typeof(StorageOptionsValidator));
        Assert.Single(twice, d => d.ServiceType == typeof(IValidateOptions<DatabaseOptions>) && d.ImplementationType == typeof(DatabaseOptionsValidator));
    }
}
