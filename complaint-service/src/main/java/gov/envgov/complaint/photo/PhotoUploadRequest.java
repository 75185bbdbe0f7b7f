package gov.envgov.complaint.photo;

import java.net.URI;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.ErrorResponseException;

import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;

/** An uploaded photo as the web layer reads it, before any use case sees it. */
public final class PhotoUploadRequest {

    private PhotoUploadRequest() {
    }

    /** The file's bytes; reading stops one byte past the limit, so an oversized upload is never held whole. */
    public static Mono<byte[]> bytes(Mono<FilePart> file, int maxBytes) {
        return file.flatMap(part -> DataBufferUtils.join(part.content(), maxBytes + 1))
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new DomainException.RuleViolation(
                        "photo-too-large", "file", "a photo may have at most " + maxBytes + " bytes"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                });
    }

    /**
     * An upload that is not a decodable image is malformed input: a 400 problem naming the file (other refusals
     * pass through unchanged).
     */
    public static Throwable notAnImageAsBadRequest(Throwable error) {
        if (!(error instanceof DomainException.RuleViolation refused) || !"photo-type".equals(refused.code())) {
            return error;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setType(URI.create("urn:envgov:problem:photo-type"));
        problem.setTitle("Not an image");
        refused.properties().forEach(problem::setProperty);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, refused);
    }
}
