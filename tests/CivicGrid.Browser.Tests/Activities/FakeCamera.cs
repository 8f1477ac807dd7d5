using System.Text;
using QRCoder;

namespace CivicGrid.Browser.Tests.Activities;

/// <summary>
/// A video file showing one QR code, in the uncompressed YUV4MPEG2 format Chromium plays as its camera when started
/// with <c>--use-file-for-fake-video-capture</c>: the door scanner then reads a real picture of a code.
/// </summary>
internal static class FakeCamera
{
    private const int Width = 320;
    private const int Height = 240;

    public static string[] Arguments(string videoFile) =>
        [.. BrowserSite.ChromiumArguments, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={videoFile}"];

    public static string ShowingCode(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"civicgrid-camera-{Guid.NewGuid():N}.y4m");
        var luma = Picture(text);
        var chroma = Enumerable.Repeat((byte)128, Width / 2 * (Height / 2) * 2).ToArray();
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 10; frame++)
        {
            file.Write(Encoding.ASCII.GetBytes("FRAME\n"));
            file.Write(luma);
            file.Write(chroma);
        }
        return path;
    }

    /// <summary>The code's modules (with the quiet zone QRCoder includes) as dark squares on white, centred, as large as fits.</summary>
    private static byte[] Picture(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = Math.Min(6, Height / matrix.Count);
        if (module < 3)
        {
            throw new InvalidOperationException($"a code of {matrix.Count} modules is too fine for a {Height} px frame");
        }
        var side = matrix.Count * module;
        var (left, top) = ((Width - side) / 2, (Height - side) / 2);
        var pixels = Enumerable.Repeat((byte)235, Width * Height).ToArray();
        for (var y = 0; y < matrix.Count; y++)
        {
            for (var x = 0; x < matrix.Count; x++)
            {
                if (matrix[y][x])
                {
                    Fill(pixels, left + x * module, top + y * module, module);
                }
            }
        }
        return pixels;
    }

    private static void Fill(byte[] pixels, int left, int top, int module)
    {
        for (var dy = 0; dy < module; dy++)
        {
            Array.Fill(pixels, (byte)16, (top + dy) * Width + left, module);
        }
    }
}
