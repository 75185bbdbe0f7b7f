package gov.envgov.complaint.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.complaint.photos.max-bytes=1000",
        "envgov.complaint.photos.max-per-complaint=2"})
class PhotosIT {

    static final String CITIZEN = TestTokens.of("citizen-ph", "citizen");
    static final String OTHER = TestTokens.of("citizen-other", "citizen");
    /** A real picture, small enough for the limit of 1000 bytes set above. */
    static final byte[] PNG = tinyPng();
    /** What an unchecked store used to take: a PNG signature and nothing that decodes. */
    static final byte[] PNG_SIGNATURE_AND_ZEROS = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
            'I', 'H', 'D', 'R', 0, 0, 0, 0, 0, 0, 0, 0};

    static byte[] tinyPng() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toByteArray();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("photos").register(registry);
    }

    @Autowired
    WebTestClient web;

    private static MultipartBodyBuilder file(byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        return body;
    }

    private WebTestClient.ResponseSpec upload(String token, String id, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        return web.post().uri("/api/complaints/" + id + "/photos").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    @Test
    void photosAreCheckedByContentAndSizeAndStoredWithTheirHash() throws java.io.IOException {
        String id = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "SOLID_WASTE",
                        "description", "河边倾倒建筑垃圾", "district", "大洼区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();

        JsonNode stored = upload(CITIZEN, id, PNG).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        // Declared image/jpeg, detected PNG: the content decides.
        assertThat(stored.get("contentType").asString()).isEqualTo("image/png");

        upload(CITIZEN, id, "<script>alert(1)</script>".getBytes()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:photo-type")
                .jsonPath("$.errors[0].field").isEqualTo("file");
        // PHOTO-DECODED-REENCODED: the signature alone no longer makes a photo.
        upload(CITIZEN, id, PNG_SIGNATURE_AND_ZEROS).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:photo-type");
        upload(CITIZEN, id, new byte[2000]).expectStatus().isEqualTo(422);
        upload(OTHER, id, PNG).expectStatus().isNotFound();

        byte[] back = web.get().uri("/api/complaints/" + id + "/photos/" + stored.get("id").asString())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult()
                .getResponseBody();
        // What is stored is the re-encoded image, with the hash of what is stored.
        assertThat(Photos.sha256(back)).isEqualTo(stored.get("sha256").asString());
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(back)).getRGB(3, 3) & 0xffffff)
                .isEqualTo(0xff8800);

        upload(CITIZEN, id, PNG).expectStatus().isCreated();
        upload(CITIZEN, id, PNG).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:too-many-photos");
    }

    @Test
    void theAnonymousFilerAddsPhotosWithTheTrackingCodeAndSecretOnly() {
        JsonNode receipt = web.post().uri("/api/public/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "WATER", "description", "排污口夜间排放黑水", "district", "盘山县"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String code = receipt.get("trackingCode").asString();
        String secret = receipt.get("secret").asString();

        web.post().uri("/api/public/complaints/" + code + "/photos").header("X-Tracking-Secret", secret)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(file(PNG).build()))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.contentType").isEqualTo("image/png");
        // A wrong secret, or none, is the same as a code that does not exist.
        web.post().uri("/api/public/complaints/" + code + "/photos").header("X-Tracking-Secret", "wrong")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(file(PNG).build()))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/public/complaints/" + code + "/photos")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(file(PNG).build()))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/public/complaints/" + code + "/photos").header("X-Tracking-Secret", secret)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("not an image".getBytes()).build()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:photo-type");
    }
}
