using System.Net;
using System.Net.Sockets;

namespace Crossgate.Cli.Serving;

/// <summary>Finds out, before anything is created, whether <c>serve</c> can listen where it was asked to.</summary>
internal static class PortProbe
{
    /// <summary>Null when the address can be bound now; otherwise one line saying why not.</summary>
    public static string? Problem(string host, int port)
    {
        if (port is < 1 or > 65535)
        {
            return $"--port must be between 1 and 65535, not {port}.";
        }

        IPAddress address;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out address!))
        {
            return $"--host must be an IP address or localhost, not '{host}'.";
        }

        try
        {
            var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return null;
        }
        catch (SocketException ex)
        {
            return InUse(host, port, ex);
        }
    }

    public static string InUse(string host, int port, Exception? cause = null) => cause is SocketException { SocketErrorCode: SocketError.AddressNotAvailable }
        ? $"crossgate serve: cannot listen on {host}:{port}: this machine has no such address."
        : $"crossgate serve: {host}:{port} is in use by another program; stop it or choose another --port.";
}
