using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Hosting;

/// <summary>
/// The CMS's public address for the links it hands out (password resets, downloads, newsletter pages, forms):
/// <c>Cadence:PublicUrl</c>, or else the address the server listens on. Never the request's Host header, which the
/// caller controls: a forged Host would otherwise put an attacker's address into a password-reset email.
/// </summary>
public sealed class CmsAddress(IOptions<CadenceOptions> options, IServer server)
{
    private static readonly string[] Wildcards = ["0.0.0.0", "[::]", "+", "*"];

    public string Value => options.Value.PublicUrl?.TrimEnd('/') ?? Listening() ?? "http://localhost:5000";

    private string? Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (address is null) return null;
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (Wildcards.Contains(uri.Host)) uri.Host = "localhost";
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
