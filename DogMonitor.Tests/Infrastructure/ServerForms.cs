using System.Net;
using System.Text.RegularExpressions;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>The app's server-rendered forms (sign-in, setup, password) posted as a browser posts them.</summary>
public static partial class ServerForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>
    /// Opens <paramref name="path"/> for its antiforgery token, then posts the form <paramref name="formName"/> with
    /// <paramref name="fields"/>. The client must keep cookies: the token is checked against the antiforgery cookie.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(token), $"{path} has no antiforgery token in its form.");
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
