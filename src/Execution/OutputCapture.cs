using System.Buffers;
using System.Text;

namespace ProofCheck.Execution;

/// <summary>
/// Reads a stream to its end as raw bytes, keeping at most a fixed number and draining the rest,
/// so the writer never blocks on a full pipe and a flood cannot exhaust memory. CliWrap's buffered targets keep
/// everything, hence this own target (see <see cref="Target"/>).
/// </summary>
internal sealed class OutputCapture(int limitBytes)
{
    private readonly ArrayBufferWriter<byte> _kept = new();

    public bool Truncated { get; private set; }

    public async Task PumpAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var room = limitBytes - _kept.WrittenCount;
                if (room > 0)
                {
                    _kept.Write(buffer.AsSpan(0, Math.Min(room, read)));
                }

                if (read > room)
                {
                    Truncated = true;
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke because the process was killed: what was read so far stands.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>This capture as the CliWrap pipe target of one stream.</summary>
    public CliWrap.PipeTarget Target => CliWrap.PipeTarget.Create(PumpAsync);

    public string Text => Encoding.UTF8.GetString(_kept.WrittenSpan);
}
