using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using DogMonitor.Domain.Owners;

namespace DogMonitor.Web.Accounts;

public static class SignInExtensions
{
    public const string Scheme = "DogMonitor";

    /// <summary>
    /// Accounts, sessions (cookies) and API keys; every endpoint and page requires one of them unless it says
    /// otherwise; a read-only key only reads; sign-in routes are rate limited per client address.
    /// </summary>
    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAccounts()
            .AddDefaultTokenProviders()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.AddScoped<IUserConfirmation<AppUser>, EnabledAccounts>();
        services.Configure<IdentityOptions>(options => options.SignIn.RequireConfirmedAccount = true);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            // A request to the API that carries a key is judged by the key alone; anything else by the session cookie.
            // Pages, their circuits and sign-out take no key: a read-only key must not drive a page that writes.
            .AddPolicyScheme(Scheme, "Session or API key", options => options.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.AcceptsKey(context.Request) && ApiKeyAuthenticationHandler.KeyOf(context.Request) is not null
                    ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountOptions>>(ConfigureSession);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountOptions>>((stamp, accounts) =>
            stamp.ValidationInterval = accounts.Value.RevalidationInterval);

        var signedIn = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().AddRequirements(new ReadOnlyKeyRequirement()).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(signedIn)
            .SetFallbackPolicy(signedIn)
            .AddPolicy(AccountPolicies.Admin, policy => policy.Combine(signedIn).RequireRole(AccountClaims.RoleName(UserRole.Admin)))
            .AddPolicy(AccountPolicies.Session, policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationHandler, ReadOnlyKeyRequirement>();

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<UserScopes>();
        services.AddScoped<CircuitHandler, CircuitUser>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserState>();

        services.AddSingleton<SetupCode>();
        services.AddHostedService<AccountBootstrap>();
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddSignInRateLimit();
        services.AddForwardedClients();
        services.AddPasskeys();
        return builder;
    }

    /// <summary>Forwarded headers from trusted proxies, then who is calling, what they may do, and the sign-in limit.</summary>
    public static WebApplication UseSignIn(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static void ConfigureSession(CookieAuthenticationOptions cookie, IOptions<AccountOptions> accounts)
    {
        cookie.Cookie.Name = "DogMonitor.Session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = accounts.Value.SessionLifetime;
        cookie.SlidingExpiration = true;
        // A session lasts SessionLifetime however it began: Identity's passkey sign-in asks for one that ends with the browser.
        cookie.Events.OnSigningIn = context =>
        {
            context.Properties.IsPersistent = true;
            return Task.CompletedTask;
        };
        cookie.LoginPath = "/signin";
        cookie.LogoutPath = "/signout";
        cookie.AccessDeniedPath = "/signin";
        // Scripts, players and the API get a status they can act on; only a person's page is sent to sign in.
        cookie.Events.OnRedirectToLogin = context => AuthProblems.IsApiRequest(context.Request)
            ? AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
            : Redirect(context);
        cookie.Events.OnRedirectToAccessDenied = context => AuthProblems.IsApiRequest(context.Request)
            ? AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden)
            : Redirect(context);
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
