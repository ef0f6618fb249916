using System.Net;
using System.Net.Sockets;

namespace Clamp.Testing;

/// <summary>A loopback TCP port that nothing listens on right now (for hosting a service under test).</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
