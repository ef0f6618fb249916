using Clamp.Contracts.Messages;
using Microsoft.AspNetCore.Http.Features;

namespace Clamp.Ingest.Uploads;

/// <summary>The file of a multipart upload (form field "file"), its name and the uploader's metadata.</summary>
internal sealed record UploadedFile(string FileName, byte[] Content, ScoreMetadata Metadata)
{
    public const string FileField = "file";

    /// <summary>
    /// Reads a multipart upload of at most <paramref name="maxBytes"/> bytes. A larger body is refused with 413
    /// before it is read (by its Content-Length) or while it is read (when it is sent in chunks).
    /// </summary>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            throw TooLarge(request.ContentLength.Value, maxBytes);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        if (!request.HasFormContentType)
            throw new UploadException(StatusCodes.Status415UnsupportedMediaType, "upload.not-multipart",
                $"Send the score as multipart/form-data with the file in the \"{FileField}\" field.");

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes }, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(null, maxBytes);
        }
        catch (InvalidDataException ex)
        {
            throw new UploadException(StatusCodes.Status400BadRequest, "upload.malformed", $"The multipart body cannot be read: {ex.Message}");
        }

        var file = form.Files.GetFile(FileField)
            ?? throw new UploadException(StatusCodes.Status400BadRequest, "upload.no-file", $"The form has no \"{FileField}\" file field.");
        if (file.Length == 0)
            throw new UploadException(StatusCodes.Status400BadRequest, "upload.empty", $"{file.FileName} is empty.");

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new UploadedFile(Path.GetFileName(file.FileName), buffer.ToArray(), UploadMetadata.Read(form));
    }

    private static UploadException TooLarge(long? length, long maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge, "upload.too-large",
        length is { } size
            ? $"The request is {size:N0} bytes, over the limit of {maxBytes:N0}."
            : $"The request is over the limit of {maxBytes:N0} bytes.");
}
