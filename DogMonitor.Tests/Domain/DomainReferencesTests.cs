using System.Xml.Linq;
using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Domain;

/// <summary>
/// The domain holds the rules and the data; the hosts bring the web framework and the message bus. It publishes through
/// its own small interfaces (<see cref="IClipEvents"/>, <see cref="DogMonitor.Domain.Snapshots.ISnapshotEvents"/>).
/// </summary>
public sealed class DomainReferencesTests
{
    private static readonly IReadOnlyList<string> Referenced =
        typeof(Clip).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void TheDomainAssembly_ReferencesNoMassTransit()
    {
        Assert.DoesNotContain(Referenced, name => name.StartsWith("MassTransit", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDomainAssembly_ReferencesNothingOfTheAspNetCoreSharedFramework()
    {
        // The shared framework's folder, found from one of its assemblies; Microsoft.Extensions.* there are also packages.
        var folder = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        Assert.Contains("Microsoft.AspNetCore.App", folder, StringComparison.Ordinal);
        var framework = Directory.GetFiles(folder, "Microsoft.AspNetCore.*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(framework);

        Assert.DoesNotContain(Referenced, framework.Contains);
    }

    [Fact]
    public void TheDomainProject_HasNoFrameworkReference_AndNoBusPackage()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root ?? throw new InvalidOperationException("The tests run outside the checkout (no DogMonitor.sln above them)."),
            "DogMonitor.Domain", "DogMonitor.Domain.csproj"));

        Assert.Empty(project.Descendants("FrameworkReference"));
        Assert.DoesNotContain(project.Descendants("PackageReference"), p => ((string?)p.Attribute("Include"))?.StartsWith("MassTransit", StringComparison.Ordinal) == true);
    }
}
