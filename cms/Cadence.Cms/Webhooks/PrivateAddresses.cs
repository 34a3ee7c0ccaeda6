using System.Net;
using System.Net.Sockets;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Addresses a webhook must not reach unless private targets are allowed: a CMS that posts wherever an editor
/// points it would otherwise be a way into the clinic's own network (server-side request forgery).
/// </summary>
public static class PrivateAddresses
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => true,                                   // 0.0.0.0/8, unspecified
                10 => true,                                  // RFC 1918
                100 => b[1] >= 64 && b[1] < 128,            // 100.64.0.0/10, carrier-grade NAT
                169 => b[1] == 254,                          // link-local (and cloud metadata)
                172 => b[1] >= 16 && b[1] < 32,             // RFC 1918
                192 => b[1] == 168 || (b[1] == 0 && b[2] == 0), // RFC 1918, IETF protocol assignments
                >= 224 => true,                              // multicast, reserved, broadcast
                _ => false,
            };
        }
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None)) return true;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return true;
        var first = address.GetAddressBytes()[0];
        return (first & 0xFE) == 0xFC; // fc00::/7, unique local
    }
}
