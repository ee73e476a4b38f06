using DogMonitor.Web.Accounts;
using DogMonitor.Web.Cameras;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Components;
using DogMonitor.Web.Downloads;
using DogMonitor.Web.Events;
using DogMonitor.Web.Extensions;
using DogMonitor.Web.Health;
using DogMonitor.Web.Integrity;
using DogMonitor.Web.Labels;
using DogMonitor.Web.Media;
using DogMonitor.Web.Moments;
using DogMonitor.Web.Security;
using DogMonitor.Web.Sharing;
using DogMonitor.Web.Snapshots;

var builder = WebApplication.CreateBuilder(args);

builder.AddDogMonitorCore();
builder.AddSignIn();
builder.AddBackgroundPipeline();
builder.AddHttpApi();
builder.AddUserInterface();

var app = builder.Build();

app.UseHttpApiErrors();
app.UseSecurityHeaders();
app.UseWebSockets();
app.UseSignIn();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApiDocuments();
app.MapHealth();
app.MapMediaFiles();
app.MapAuthApi();
app.MapApiKeysApi();
app.MapUsersApi();
app.MapMediaAuditApi();
app.MapZonesApi();
app.MapSignOut();
app.MapPasskeyOptions();
app.MapSnapshotsApi();
app.MapClipsApi();
app.MapMomentsApi();
app.MapEventsApi();
app.MapLabelsApi();
app.MapSharingApi();
app.MapDownloadsApi();
app.MapCamerasApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
