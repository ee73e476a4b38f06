using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// At start, while there is no account: makes the first admin from <c>Auth:InitialAdmin</c> (unattended installs), or
/// prints a one-time setup link, framed so it cannot be missed, once the server listens and knows its address.
/// </summary>
public sealed partial class AccountBootstrap(
    IServiceScopeFactory scopes, IOptions<AccountOptions> options, SetupCode setup, IServer server, IHostApplicationLifetime lifetime, ILogger<AccountBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var firstAdmin = scope.ServiceProvider.GetRequiredService<FirstAdmin>();
        if (!await firstAdmin.IsNeededAsync(cancellationToken))
        {
            await firstAdmin.AdoptLeftoversAsync(cancellationToken);
            return;
        }
        var initial = options.Value.InitialAdmin;
        if (!string.IsNullOrWhiteSpace(initial.Email) || !string.IsNullOrEmpty(initial.Password))
        {
            if (string.IsNullOrWhiteSpace(initial.Email) || string.IsNullOrEmpty(initial.Password))
                throw new InvalidOperationException("Auth:InitialAdmin needs both Email and Password (Auth__InitialAdmin__Email and Auth__InitialAdmin__Password).");
            try
            {
                await firstAdmin.CreateAsync(initial.Email, initial.Password, cancellationToken);
            }
            catch (Domain.Problems.RequestValidationException ex)
            {
                throw new InvalidOperationException($"Auth:InitialAdmin was refused: {ex.Summary}", ex);
            }
            return;
        }
        var code = setup.Issue();
        lifetime.ApplicationStarted.Register(() => LogSetupLink(logger, Frame(SetupUrl(code))));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string SetupUrl(string code)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:8000";
        // A wildcard address is not something a browser can open.
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return $"{address.TrimEnd('/')}/setup?code={code}";
    }

    private static string Frame(string url)
    {
        var lines = new[] { "DogMonitor has no account yet. Open this link to create the first admin:", "", "    " + url, "", "The link works once, and only until this process stops." };
        var width = lines.Max(l => l.Length) + 4;
        var border = new string('*', width);
        return Environment.NewLine + border + Environment.NewLine
            + string.Join(Environment.NewLine, lines.Select(l => "* " + l.PadRight(width - 4) + " *"))
            + Environment.NewLine + border;
    }

    [LoggerMessage(LogLevel.Warning, "{SetupLink}")]
    private static partial void LogSetupLink(ILogger logger, string setupLink);
}
