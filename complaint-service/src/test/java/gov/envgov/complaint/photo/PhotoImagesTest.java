package gov.envgov.complaint.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

/** PHOTO-DECODED-REENCODED: photos are decoded, written again from their pixels, and lose their metadata. */
class PhotoImagesTest {

    static final long MAX_PIXELS = 40_000_000L;

    static BufferedImage picture() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.ORANGE);
        g.fillOval(10, 10, 30, 20);
        g.dispose();
        return image;
    }

    static byte[] encoded(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(), format, out);
        return out.toByteArray();
    }

    /** A camera JPEG: an APP1 Exif segment with a GPS position and the device right after the start marker. */
    static byte[] jpegWithExif() throws IOException {
        byte[] jpeg = encoded("jpeg");
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\bGPSLatitude=41.1234N GPSLongitude=122.0712E Model=iPhone 15 Pro")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
        out.put(jpeg, 0, 2).put((byte) 0xff).put((byte) 0xe1).putShort((short) (payload.length + 2)).put(payload)
                .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A PNG with a tEXt chunk naming the device, before IEND. */
    static byte[] pngWithText() throws IOException {
        byte[] png = encoded("png");
        byte[] data = "Model\0iPhone 15 Pro GPS 41.1234,122.0712".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        int iend = png.length - 12;
        ByteBuffer out = ByteBuffer.allocate(png.length + data.length + 12);
        out.put(png, 0, iend).putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data)
                .putInt((int) crc.getValue()).put(png, iend, 12);
        return out.array();
    }

    @Test
    @DisplayName("PHOTO-DECODED-REENCODED: a PNG signature followed by zeros is refused as no image")
    void aPngSignatureFollowedByZerosIsRefused() {
        byte[] fake = new byte[2048];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 0, fake, 0, 8);
        assertThatThrownBy(() -> PhotoImages.reencode(fake, MAX_PIXELS))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("photo-type");
                    assertThat(refused.field()).isEqualTo("file");
                });
        byte[] jpegHeaderOnly = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0, 0, 0};
        assertThatThrownBy(() -> PhotoImages.reencode(jpegHeaderOnly, MAX_PIXELS))
                .isInstanceOf(DomainException.RuleViolation.class);
    }

    @Test
    @DisplayName("PHOTO-DECODED-REENCODED: EXIF GPS and device data of a JPEG are not kept")
    void exifOfAJpegIsStripped() throws IOException {
        byte[] camera = jpegWithExif();
        assertThat(new String(camera, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");
        assertThat(ImageIO.read(new ByteArrayInputStream(camera))).isNotNull();

        PhotoImages.Clean clean = PhotoImages.reencode(camera, MAX_PIXELS);

        String stored = new String(clean.data(), StandardCharsets.ISO_8859_1);
        assertThat(clean.contentType()).isEqualTo("image/jpeg");
        assertThat(stored).doesNotContain("Exif").doesNotContain("GPS").doesNotContain("iPhone");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.data()));
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
    }

    @Test
    @DisplayName("PHOTO-DECODED-REENCODED: text chunks of a PNG are not kept, its pixels are")
    void textOfAPngIsStripped() throws IOException {
        byte[] png = pngWithText();
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();

        PhotoImages.Clean clean = PhotoImages.reencode(png, MAX_PIXELS);

        assertThat(clean.contentType()).isEqualTo("image/png");
        assertThat(new String(clean.data(), StandardCharsets.ISO_8859_1)).doesNotContain("iPhone")
                .doesNotContain("tEXt");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.data()));
        assertThat(decoded.getRGB(25, 20)).isEqualTo(picture().getRGB(25, 20));
    }

    @Test
    @DisplayName("PHOTO-DECODED-REENCODED: an image larger than the pixel limit is refused before decoding")
    void anImageLargerThanThePixelLimitIsRefused() throws IOException {
        assertThatThrownBy(() -> PhotoImages.reencode(encoded("png"), 64 * 48 - 1))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("photo-too-large"));
    }
}
