using System.Net.Sockets;
using System.Text;

namespace Crossgate.Server.Tests.Faults;

/// <summary>Sends a signed request over a bare socket, so the answer of a server that stops reading a huge body
/// early (413) is read even though the client could not send all of it.</summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Body)> SendAsync(Uri server, HttpRequestMessage message, byte[] body, bool chunked)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"POST / HTTP/1.1\r\nHost: {server.Authority}\r\n");
        foreach (var (name, values) in message.Headers) head.Append($"{name}: {string.Join(",", values)}\r\n");
        head.Append($"Content-Type: {message.Content!.Headers.ContentType}\r\n");
        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));

        var sending = Task.Run(async () =>
        {
            try
            {
                for (var offset = 0; offset < body.Length; offset += 64 * 1024)
                {
                    var length = Math.Min(64 * 1024, body.Length - offset);
                    if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:X}\r\n"));
                    await stream.WriteAsync(body.AsMemory(offset, length));
                    if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
                }

                if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            catch (IOException)
            {
                // The server answered and closed before the whole body went out.
            }
        });

        using var response = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0) response.Write(buffer, 0, read);
        }
        catch (IOException) when (response.Length > 0)
        {
        }

        await sending;
        var text = Encoding.UTF8.GetString(response.ToArray());
        var status = int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, split < 0 ? "" : text[(split + 4)..]);
    }
}
