package gov.envgov.complaint.photo;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import gov.envgov.support.domain.DomainException;

/**
 * Photos are decoded as images and written again from their pixels alone: whatever is not a decodable JPEG or PNG
 * is refused, and no metadata of the upload (EXIF GPS position, camera and device, comments, embedded thumbnails)
 * survives, because it is personal data of the complainant. The size in pixels is read from the header and limited
 * before decoding, so a small file cannot claim a huge bitmap.
 */
public final class PhotoImages {

    private static final float JPEG_QUALITY = 0.9f;

    private PhotoImages() {
    }

    /** A photo as stored: its type and the re-encoded bytes. */
    public record Clean(String contentType, byte[] data) {
    }

    /** The re-encoded photo, or a {@code photo-type} / {@code photo-too-large} refusal naming the file. */
    public static Clean reencode(byte[] upload, long maxPixels) {
        String type = Photos.contentType(upload).orElseThrow(PhotoImages::notAnImage);
        BufferedImage image = decode(upload, maxPixels).orElseThrow(PhotoImages::notAnImage);
        return new Clean(type, "image/png".equals(type) ? png(image) : jpeg(image));
    }

    private static Optional<BufferedImage> decode(byte[] upload, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new DomainException.RuleViolation("photo-too-large", "file",
                            "a photo may have at most " + maxPixels + " pixels");
                }
                return Optional.ofNullable(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof DomainException refusal) {
                throw refusal;
            }
            return Optional.empty();
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage decoded) {
        // JPEG has no alpha and ImageIO writes CMYK wrongly: draw onto plain RGB first.
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(decoded, 0, 0, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static DomainException notAnImage() {
        return new DomainException.RuleViolation("photo-type", "file",
                "a photo must be a JPEG or PNG image that decodes (WebP is not accepted)");
    }
}
