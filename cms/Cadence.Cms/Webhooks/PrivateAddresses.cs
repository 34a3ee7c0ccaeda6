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
                192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2), // RFC 1918, IETF protocol assignments, TEST-NET-1
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100), // 198.18.0.0/15 benchmarking, TEST-NET-2
                203 => b[1] == 0 && b[2] == 113,            // TEST-NET-3
                >= 224 => true,                              // multicast, reserved, broadcast
                _ => false,
            };
        }
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None)) return true;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return true;
        var v6 = address.GetAddressBytes();
        if ((v6[0] & 0xFE) == 0xFC) return true; // fc00::/7, unique local
        // Prefixes that carry an IPv4 address inside (NAT64 64:ff9b::/96 and the local-use 64:ff9b:1::/48, 6to4
        // 2002::/16): a gateway would turn them into any IPv4 address, private ones included.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b) return true;
        return v6[0] == 0x20 && v6[1] == 0x02;
    }
}
