using Clamp.Contracts.Messages;
using Microsoft.AspNetCore.Http.Features;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Clamp.Ingest.Uploads;

/// <summary>The file of a multipart upload (form field "file"), its name and the uploader's metadata.</summary>
internal sealed record UploadedFile(string FileName, byte[] Content, ScoreMetadata Metadata)
{
    public const string FileField = "file";

    /// <summary>
    /// Reads a multipart upload of at most <paramref name="maxBytes"/> bytes. A larger body is refused with 413
    /// before it is read (by its Content-Length) or while it is read (when it is sent in chunks). A body that is
    /// not multipart, is cut short or is garbage is refused with 400 (<c>upload.malformed</c>); one that takes
    /// longer than <see cref="IngestOptions.UploadTimeout"/> or arrives slower than
    /// <see cref="IngestOptions.MinUploadBytesPerSecond"/> with 408.
    /// </summary>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, IngestOptions limits, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            throw TooLarge(request.ContentLength.Value, maxBytes);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        if (request.HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
            rate.MinDataRate = new MinDataRate(limits.MinUploadBytesPerSecond, limits.UploadGracePeriod);
        if (!request.HasFormContentType)
            throw new UploadException(StatusCodes.Status415UnsupportedMediaType, "upload.not-multipart",
                $"Send the score as multipart/form-data with the file in the \"{FileField}\" field.");

        // The deadline is raced rather than passed to the read: Kestrel aborts the connection (no answer at all) when a
        // read of the request body is cancelled, while an answer sent beside a pending read reaches the client.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = ReadFormAsync(request, maxBytes, limits, ct);
        var expired = Task.Delay(limits.UploadTimeout, deadline.Token);
        if (await Task.WhenAny(reading, expired) != reading && !ct.IsCancellationRequested)
        {
            _ = reading.ContinueWith(static read => read.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw new UploadException(StatusCodes.Status408RequestTimeout, "upload.timeout",
                $"The upload was not received within {limits.UploadTimeout.TotalSeconds:N0} s.");
        }
        await deadline.CancelAsync();
        return await reading;
    }

    private static async Task<UploadedFile> ReadFormAsync(HttpRequest request, long maxBytes, IngestOptions limits, CancellationToken ct)
    {
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes }, ct);
            var file = form.Files.GetFile(FileField)
                ?? throw new UploadException(StatusCodes.Status400BadRequest, "upload.no-file", $"The form has no \"{FileField}\" file field.");
            if (file.Length == 0)
                throw new UploadException(StatusCodes.Status400BadRequest, "upload.empty", $"{file.FileName} is empty.");

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            return new UploadedFile(Path.GetFileName(file.FileName), buffer.ToArray(), UploadMetadata.Read(form, limits));
        }
        catch (BadHttpRequestException ex) when (!ct.IsCancellationRequested)
        {
            throw ex.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(null, maxBytes),
                StatusCodes.Status408RequestTimeout => new UploadException(StatusCodes.Status408RequestTimeout, "upload.too-slow",
                    $"The upload arrived slower than {limits.MinUploadBytesPerSecond:N0} bytes per second."),
                _ => Malformed(ex.Message),
            };
        }
        catch (Exception ex) when ((ex is InvalidDataException or IOException) && !ct.IsCancellationRequested)
        {
            // Garbage, a missing or unfinished boundary, a body cut short: the multipart reader's own words say which.
            throw Malformed(ex.Message);
        }
    }

    private static UploadException Malformed(string reason) => new(
        StatusCodes.Status400BadRequest, "upload.malformed", $"The multipart body cannot be read: {reason}");

    private static UploadException TooLarge(long? length, long maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge, "upload.too-large",
        length is { } size
            ? $"The request is {size:N0} bytes, over the limit of {maxBytes:N0}."
            : $"The request is over the limit of {maxBytes:N0} bytes.");
}
