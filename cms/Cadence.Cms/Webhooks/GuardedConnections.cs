using System.Net;
using System.Net.Sockets;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Connects only to public addresses (unless private targets are allowed), checking the addresses the name resolves
/// to at connect time: a host that passed the check when saved cannot later be re-pointed at the internal network.
/// </summary>
public static class GuardedConnections
{
    public static SocketsHttpHandler Handler(Func<bool> allowPrivate) => new()
    {
        // A redirect could lead anywhere; receivers get exactly the URL they were configured with.
        AllowAutoRedirect = false,
        // Through a proxy, the address checked would be the proxy's, not the receiver's.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context, allowPrivate(), cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!allowPrivate && addresses.Any(PrivateAddresses.IsPrivate))
            throw new PrivateTargetException($"Refused to connect to {host}: it resolves to a loopback, private or link-local address.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

public sealed class PrivateTargetException(string message) : Exception(message);
