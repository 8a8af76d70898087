using System.Net.Sockets;
using System.Text;

namespace Keyless.Compare.Sts;

/// <summary>One answer read off the wire: its status code and its body.</summary>
public readonly record struct Http1Response(int Status, ReadOnlyMemory<byte> Body);

/// <summary>
/// One keep-alive HTTP/1.1 connection over loopback that sends a request already encoded as bytes and reads the
/// answer itself: the status line, the headers it needs (<c>Content-Length</c>, <c>Connection: close</c>) and the
/// whole body. This is what a load generator such as wrk does: no headers are
/// built or parsed into objects per request, so the client takes as little as it can of the CPU it shares with the
/// server under test, whichever server that is.
/// </summary>
public sealed class Http1Connection : IDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;

    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly string _host;
    private readonly int _port;
    private Socket? _socket;
    private byte[] _buffer = new byte[64 * 1024];

    // Bytes received and not yet consumed: _buffer[_start.._end].
    private int _start;
    private int _end;

    public Http1Connection(string host, int port)
    {
        _host = host;
        _port = port;
    }

    public void Connect()
    {
        _socket?.Dispose();
        _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(_host, _port);
        _start = _end = 0;
    }

    /// <summary>Sends the request and reads its answer; the body is valid until the next call.</summary>
    public Http1Response Send(ReadOnlySpan<byte> request)
    {
        if (_socket is null)
        {
            Connect();
        }

        for (var sent = 0; sent < request.Length;)
        {
            sent += _socket!.Send(request[sent..], SocketFlags.None);
        }

        var headerLength = FillUntil(HeaderEnd, MaxHeaderBytes);
        var head = Encoding.ASCII.GetString(_buffer, _start, headerLength);
        _start += headerLength + HeaderEnd.Length;
        var (status, contentLength, chunked, close) = ParseHead(head);

        // Both servers under test declare every answer's length; an answer in chunks or up to the close is not read.
        if (chunked || contentLength is not { } length)
        {
            throw new InvalidOperationException("the answer is chunked or has no Content-Length; this client reads only answers that declare their length");
        }

        Fill(length);
        var body = _buffer.AsMemory(_start, length);
        _start += length;
        if (close)
        {
            // The next request opens a new connection; the body stays in this buffer until then.
            _socket!.Dispose();
            _socket = null;
        }

        return new Http1Response(status, body);
    }

    public void Dispose() => _socket?.Dispose();

    private static (int Status, int? ContentLength, bool Chunked, bool Close) ParseHead(string head)
    {
        var lines = head.Split("\r\n");
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidOperationException("not an HTTP/1.x status line: " + lines[0]);
        }

        int? contentLength = null;
        var chunked = false;
        var close = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, colon).Trim();
            var value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("connection", StringComparison.OrdinalIgnoreCase))
            {
                close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
            }
        }

        return (status, contentLength, chunked, close);
    }

    // Receives until `marker` is in the unread bytes; returns how many bytes come before it.
    private int FillUntil(byte[] marker, int limit)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
            if (found >= 0)
            {
                return found;
            }

            if (_end - _start > limit)
            {
                throw new InvalidOperationException($"no end of line within {limit} bytes");
            }

            if (Receive() == 0)
            {
                throw new InvalidOperationException("the server closed the connection in the middle of an answer");
            }
        }
    }

    private void Fill(int count)
    {
        while (_end - _start < count)
        {
            if (Receive() == 0)
            {
                throw new InvalidOperationException("the server closed the connection in the middle of an answer");
            }
        }
    }

    // Reads more bytes after the unread ones, first moving them to the front, or into a larger buffer when needed.
    private int Receive()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var received = _socket!.Receive(_buffer.AsSpan(_end), SocketFlags.None);
        _end += received;
        return received;
    }
}
