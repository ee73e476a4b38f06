using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Cameras;

/// <summary>
/// The configured cameras, in configuration order. With no <c>Cameras</c> section there is one synthetic
/// camera, <c>test-pattern</c>, so the embedded default shows live video without any setup.
/// </summary>
public sealed class CameraCatalog
{
    public const string DefaultCameraId = "test-pattern";

    private readonly Dictionary<string, Camera> _byId;

    public CameraCatalog(IOptions<List<CameraOptions>> options)
        : this(options.Value)
    {
    }

    /// <exception cref="InvalidOperationException">The list is invalid; the message has a sentence per problem.</exception>
    public CameraCatalog(IReadOnlyList<CameraOptions> cameras)
    {
        var failures = CameraListValidator.Check(cameras);
        if (failures.Count > 0) throw new InvalidOperationException(string.Join(" ", failures));

        Cameras = cameras.Count == 0
            ? [new Camera(DefaultCameraId, "Test pattern", SyntheticCameraSource.Default)]
            : cameras.Select(c => new Camera(c.Id, string.IsNullOrWhiteSpace(c.Name) ? c.Id : c.Name.Trim(), CameraSource.Parse(c.Source)) { Activity = c.Activity }).ToList();
        _byId = Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Camera> Cameras { get; }

    /// <summary>The first camera: what pages show when no camera is chosen.</summary>
    public Camera Default => Cameras[0];

    public Camera? Find(string? id) => id is not null && _byId.TryGetValue(id, out var camera) ? camera : null;

    /// <summary>The sentence for a camera id that is not configured, naming the ones that are.</summary>
    public string UnknownCamera(string? id) => $"There is no camera '{id}'; the cameras are {string.Join(", ", Cameras.Select(c => c.Id))}.";
}
