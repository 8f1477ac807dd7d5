using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CivicGrid.Testing;

/// <summary>One message as the sink received it: the envelope and the raw DATA, dot-stuffing undone.</summary>
public sealed record SmtpSinkMessage(string From, IReadOnlyList<string> Recipients, string Data);

/// <summary>
/// A real SMTP server on a loopback port, speaking just enough of the protocol for a client to deliver to it.
/// It keeps every message and accepts any sender and recipient.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpSinkMessage> _messages = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Host => "127.0.0.1";
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public IReadOnlyList<SmtpSinkMessage> Messages => [.. _messages];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await new SmtpSession(reader, writer, _messages.Enqueue).RunAsync(_stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up or the sink is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_sessions);
        _listener.Dispose();
        _stop.Dispose();
    }

    /// <summary>One client's conversation.</summary>
    private sealed class SmtpSession(StreamReader reader, StreamWriter writer, Action<SmtpSinkMessage> received)
    {
        private string _from = "";
        private readonly List<string> _recipients = [];

        public async Task RunAsync(CancellationToken ct)
        {
            await writer.WriteLineAsync("220 sink.civicgrid.test ESMTP ready");
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var reply = verb switch
                {
                    "EHLO" => "250-sink.civicgrid.test\r\n250 HELP",
                    "HELO" => "250 sink.civicgrid.test",
                    "MAIL" => Start(Address(line)),
                    "RCPT" => AddRecipient(Address(line)),
                    "DATA" => null,
                    "RSET" => Start(""),
                    "NOOP" => "250 OK",
                    "QUIT" => "221 Bye",
                    _ => "502 Command not implemented",
                };
                if (verb == "DATA")
                {
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    received(new SmtpSinkMessage(_from, [.. _recipients], await ReadDataAsync(ct)));
                    reply = Start("");
                }
                await writer.WriteLineAsync(reply);
                if (verb == "QUIT")
                {
                    return;
                }
            }
        }

        private string Start(string from)
        {
            _from = from;
            _recipients.Clear();
            return "250 OK";
        }

        private string AddRecipient(string to)
        {
            _recipients.Add(to);
            return "250 OK";
        }

        private async Task<string> ReadDataAsync(CancellationToken ct)
        {
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(ct) is { } line && line != ".")
            {
                data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
            }
            return data.ToString();
        }

        private static string Address(string line)
        {
            var start = line.IndexOf('<', StringComparison.Ordinal);
            var end = line.IndexOf('>', StringComparison.Ordinal);
            return start >= 0 && end > start ? line[(start + 1)..end] : "";
        }
    }
}
