using System.Net;
using System.Net.Http.Headers;

namespace CivicGrid.Fault.Tests;

/// <summary>A multipart file upload that sends half of the file, says so, and holds the rest back until released.</summary>
internal sealed class HalfwayUpload(byte[] file) : HttpContent
{
    private static readonly TimeSpan HoldAtMost = TimeSpan.FromSeconds(60);
    private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task HalfSent => _halfSent.Task;

    public void Release() => _released.TrySetResult();

    public static MultipartFormDataContent Form(HttpContent content, string fileName)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var half = file.Length / 2;
        await stream.WriteAsync(file.AsMemory(0, half));
        await stream.FlushAsync();
        _halfSent.TrySetResult();
        await _released.Task.WaitAsync(HoldAtMost);
        await stream.WriteAsync(file.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = file.Length;
        return true;
    }
}
