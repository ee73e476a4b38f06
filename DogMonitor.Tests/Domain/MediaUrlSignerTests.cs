using System.Text;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace DogMonitor.Tests.Domain;

public class MediaUrlSignerTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private const string Key = "snapshots/abc/image.jpg";

    [Fact]
    public void ASignedUrlChecksOutUntilItExpires()
    {
        var signer = new MediaUrlSigner(Encoding.UTF8.GetBytes("secret"), _clock);
        var (expires, signature) = Parts(signer.Sign(Key, TimeSpan.FromMinutes(15)));

        Assert.Equal(SignedUrlCheck.Valid, signer.Check(Key, expires, signature));
        _clock.Now = _clock.Now.AddMinutes(15);
        Assert.Equal(SignedUrlCheck.Valid, signer.Check(Key, expires, signature));
        _clock.Now = _clock.Now.AddSeconds(1);
        Assert.Equal(SignedUrlCheck.Expired, signer.Check(Key, expires, signature));
    }

    [Fact]
    public void ChangingTheKeyTheExpiryOrTheSignatureBreaksIt()
    {
        var signer = new MediaUrlSigner(Encoding.UTF8.GetBytes("secret"), _clock);
        var (expires, signature) = Parts(signer.Sign(Key, TimeSpan.FromMinutes(15)));

        Assert.Equal(SignedUrlCheck.Invalid, signer.Check("snapshots/abc/thumbnail.jpg", expires, signature));
        Assert.Equal(SignedUrlCheck.Invalid, signer.Check(Key, (long.Parse(expires) + 3600).ToString(), signature));
        Assert.Equal(SignedUrlCheck.Invalid, signer.Check(Key, expires, "A" + signature[1..]));
        Assert.Equal(SignedUrlCheck.Invalid, signer.Check(Key, expires, null));
        Assert.Equal(SignedUrlCheck.Invalid, signer.Check(Key, "soon", signature));
    }

    [Fact]
    public void AnotherSecretDoesNotAcceptTheUrl()
    {
        var (expires, signature) = Parts(new MediaUrlSigner(Encoding.UTF8.GetBytes("one"), _clock).Sign(Key, TimeSpan.FromMinutes(5)));

        Assert.Equal(SignedUrlCheck.Invalid, new MediaUrlSigner(Encoding.UTF8.GetBytes("two"), _clock).Check(Key, expires, signature));
    }

    private static (string Expires, string Signature) Parts(Uri url)
    {
        var query = QueryHelpers.ParseQuery(url.OriginalString[url.OriginalString.IndexOf('?', StringComparison.Ordinal)..]);
        return (query["expires"]!, query["signature"]!);
    }
}
