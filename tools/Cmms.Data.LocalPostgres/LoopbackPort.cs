using System.Net;
using System.Net.Sockets;

namespace Cmms.Data.LocalPostgres;

/// <summary>Picks TCP ports on the loopback interface.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// Returns a port that is free on 127.0.0.1 right now: binds port 0, reads the port the kernel
    /// chose, and releases it. Another process could take it before the server binds it; the kernel
    /// hands out ephemeral ports in rotation, so that is rare.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
