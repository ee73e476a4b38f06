using Bunit;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Web.Accounts;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DogMonitor.Tests.Web.Components;

/// <summary>
/// The one bunit setup for the app's components: loose JS interop, MudBlazor without transitions, the providers
/// dialogs and snackbars render into, and the real services of an embedded app (SQLite, media files) behind them.
/// </summary>
public abstract class MudTestContext : BunitContext, IClassFixture<EmbeddedEnvironment>
{
    private readonly EmbeddedEnvironment _environment;

    protected MudTestContext(EmbeddedEnvironment environment)
    {
        _environment = environment;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
    }

    /// <summary>The app whose services the components use; see <see cref="UseFreshAppAsync"/>.</summary>
    protected DogMonitorApp App { get; private set; } = null!;

    /// <summary>Where popovers (menus, suggestion lists) appear.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    /// <summary>Where dialogs appear.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    /// <summary>Where snackbars appear.</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;

    /// <summary>Starts an app with an empty database for this test and renders the MudBlazor providers.</summary>
    protected async Task UseFreshAppAsync()
    {
        App = await _environment.StartAppAsync("bunit-" + Guid.NewGuid().ToString("N")[..8]);
        // Singletons come from the app; each scope the components open maps to a scope of the app, so they get
        // the app's scoped services (a DbContext each) as they do in a circuit.
        Services.AddFallbackServiceProvider(App.Services);
        Services.AddScoped(_ => new AppScope(App.ScopeOfAsync().GetAwaiter().GetResult()));
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<SnapshotService>());
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<ClipService>());
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<ShareService>());
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<DogMonitor.Domain.Moments.MomentService>());
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<MediaLinks>());
        // The page acts for the app's owner, as a circuit of theirs would.
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<ICurrentUser>());
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<VisibleCameras>());
        Services.AddScoped(sp => sp.GetRequiredService<AppScope>().Get<UserScopes>());
        // Services that talk to the browser use bunit's JS runtime, not the app's.
        Services.AddScoped<BrowserTime>();
        // Built here from the services above: a scoped service of the app's would act for nobody, in the app's JS runtime.
        Services.AddScoped(sp => new GalleryItems(sp.GetRequiredService<UserScopes>(), sp.GetRequiredService<AppScope>().Get<MediaLinks>(),
            App.Services.GetRequiredService<CameraCatalog>(), sp.GetRequiredService<BrowserTime>(), App.Services.GetRequiredService<TimeProvider>()));
        // As in a connected circuit: the pages open dialogs only once interactive.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Popovers = Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Snackbars = Render<MudSnackbarProvider>();
    }

    private sealed class AppScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
