using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using DogMonitor.Domain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Domain.Recording;

public class CameraCatalogTests
{
    [Fact]
    public void NoCameras_GivesTheSyntheticTestPattern()
    {
        var catalog = new CameraCatalog([]);

        var camera = Assert.Single(catalog.Cameras);
        Assert.Equal(("test-pattern", "Test pattern"), (camera.Id, camera.Name));
        Assert.Equal(new SyntheticCameraSource(1280, 720, 25), camera.Source);
        Assert.Same(camera, catalog.Default);
    }

    [Fact]
    public void Cameras_KeepTheirOrder_TheFirstIsTheDefault_AndFindLooksUpById()
    {
        var catalog = new CameraCatalog([
            new CameraOptions { Id = "yard", Name = "Yard", Source = "rtsp://cam/yard" },
            new CameraOptions { Id = "kitchen", Source = "synthetic:640x360@15" },
        ]);

        Assert.Equal(["yard", "kitchen"], catalog.Cameras.Select(c => c.Id));
        Assert.Equal("yard", catalog.Default.Id);
        Assert.Equal("kitchen", catalog.Find("kitchen")?.Name); // the id stands in for a missing name
        Assert.Null(catalog.Find("Kitchen"));
        Assert.Null(catalog.Find(null));
    }

    [Theory]
    [InlineData("Yard", "Cameras:0:Id 'Yard' is not a valid camera id")]
    [InlineData("", "Cameras:0:Id '' is not a valid camera id")]
    [InlineData("-yard", "is not a valid camera id")]
    [InlineData("../etc", "is not a valid camera id")]
    [InlineData("yard\n", "is not a valid camera id")]
    public void BadId_IsRefusedWithASentence(string id, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CameraCatalog([new CameraOptions { Id = id }]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongestIdAllowed_Is64Characters()
    {
        Assert.True(CameraId.IsValid(new string('a', 64)));
        Assert.False(CameraId.IsValid(new string('a', 65)));
    }

    [Fact]
    public void DuplicateIdsAndBadSources_AreAllNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CameraCatalog([
            new CameraOptions { Id = "yard" },
            new CameraOptions { Id = "porch", Source = "webcam" },
            new CameraOptions { Id = "yard" },
        ]));

        Assert.Contains("Cameras:2:Id 'yard' is already used by Cameras:0; camera ids must be unique.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cameras:1:Source: Camera source 'webcam' is not one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRecordingBuffer_BindsTheCamerasSection_AndDefaultsTheBufferFolder()
    {
        var data = Path.Combine(Path.GetTempPath(), "dogmonitor-catalog-" + Guid.NewGuid().ToString("N"));
        using var services = Build(new()
        {
            [DataDirectory.ConfigurationKey] = data,
            ["Cameras:0:Id"] = "yard",
            ["Cameras:0:Name"] = "Back yard",
            ["Cameras:0:Source"] = "rtsp://cam/yard",
            ["Cameras:1:Id"] = "porch",
        });

        var catalog = services.GetRequiredService<CameraCatalog>();

        Assert.Equal(["yard", "porch"], catalog.Cameras.Select(c => c.Id));
        Assert.Equal("Back yard", catalog.Default.Name);
        Assert.IsType<SyntheticCameraSource>(catalog.Find("porch")?.Source);
        Assert.Equal(Path.Combine(data, "buffer"), services.GetRequiredService<BufferLayout>().Root);
        Assert.IsType<RecordingBuffer>(services.GetRequiredService<IRecordingBuffer>());
        Assert.NotNull(services.GetRequiredService<ICameraStateReader>());
    }

    [Fact]
    public void AddRecordingBuffer_CalledTwice_DoesNotListCamerasTwice()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cameras:0:Id"] = "yard" }).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        collection.AddRecordingBuffer();
        collection.AddRecordingBuffer();
        using var services = collection.BuildServiceProvider();

        Assert.Single(services.GetRequiredService<CameraCatalog>().Cameras);
    }

    [Fact]
    public void AddRecordingBuffer_WithABadCamerasSection_FailsWithTheSentence()
    {
        using var services = Build(new() { ["Cameras:0:Id"] = "Yard!" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<List<CameraOptions>>>().Value);

        Assert.Contains("Cameras:0:Id 'Yard!' is not a valid camera id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRecordingBuffer_WithoutACamerasSection_RecordsTheTestPattern()
    {
        using var services = Build([]);

        Assert.Equal(CameraCatalog.DefaultCameraId, services.GetRequiredService<CameraCatalog>().Default.Id);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddRecordingBuffer();
        return services.BuildServiceProvider();
    }
}
