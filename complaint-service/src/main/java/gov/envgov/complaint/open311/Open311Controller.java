package gov.envgov.complaint.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintQueries;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.complaint.Location;
import gov.envgov.complaint.geo.Coordinates;
import gov.envgov.complaint.geo.DistrictBoundaries;
import gov.envgov.complaint.intake.FileComplaintRequest;
import gov.envgov.complaint.intake.IntakeService;
import gov.envgov.complaint.photo.PhotoProperties;
import gov.envgov.complaint.photo.PhotoUploadRequest;
import gov.envgov.complaint.photo.Photos;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.problem.DomainProblems;
import gov.envgov.support.reference.Districts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Open311 GeoReport v2 at {@code /open311/v2/}, in JSON and XML. */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "Standard civic-issue API over the complaint line")
class Open311Controller {

    private static final String CHANGESET = "2026-12-02T00:00:00+08:00";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    /** Validation paths of the intake request, in the names an Open311 client sent them under. */
    private static final Map<String, String> FIELDS = Map.of("description", "description",
            "district", "attribute[district]", "enterpriseCode", "attribute[enterprise_code]",
            "address", "address_string", "complainant.name", "first_name/last_name",
            "complainant.phone", "phone", "complainant.email", "email");

    private final IntakeService intake;
    private final ComplaintQueries complaints;
    private final Open311Clients clients;
    private final Open311Properties properties;
    private final Districts districts;
    private final Validator validator;
    private final BureauTime time;
    private final DistrictBoundaries boundaries;
    private final Publications publications;
    private final Photos photos;
    private final PhotoProperties photoLimits;

    Open311Controller(IntakeService intake, ComplaintQueries complaints, Open311Clients clients,
                      Open311Properties properties, Districts districts, Validator validator, BureauTime time,
                      DistrictBoundaries boundaries, Publications publications, Photos photos,
                      PhotoProperties photoLimits) {
        this.boundaries = boundaries;
        this.publications = publications;
        this.photos = photos;
        this.photoLimits = photoLimits;
        this.intake = intake;
        this.complaints = complaints;
        this.clients = clients;
        this.properties = properties;
        this.districts = districts;
        this.validator = validator;
        this.time = time;
    }

    @GetMapping("/discovery.{format}")
    @Operation(summary = "Discovery (its URL comes from the configured public base URL, never from the Host header)")
    ResponseEntity<String> discovery(@PathVariable String format) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", properties.url("/open311/v2/"));
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", properties.contact());
        discovery.put("key_service", "Api keys are issued by the bureau's administrators");
        discovery.put("endpoints", List.of(endpoint));
        return Open311Response.of(format).object("discovery", discovery);
    }

    @GetMapping("/services.{format}")
    @Operation(summary = "Service list: the complaint categories")
    ResponseEntity<String> services(@PathVariable String format) {
        return Open311Response.of(format).list(HttpStatus.OK, "services", "service", ServiceCatalog.services());
    }

    @GetMapping("/services/{serviceCode}.{format}")
    @Operation(summary = "Service definition: the attributes a request carries")
    ResponseEntity<String> definition(@PathVariable String serviceCode, @PathVariable String format) {
        Open311Response representation = Open311Response.of(format);
        if (ServiceCatalog.category(serviceCode).isEmpty()) {
            throw Open311Exception.notFound("no service " + serviceCode);
        }
        return representation.object("service_definition", ServiceCatalog.definition(serviceCode,
                districts.districts().stream().map(Districts.District::name).toList()));
    }

    // No "consumes": a body of another type is read as an empty form and answered with the specification's 400 or
    // 403, not with the 404 of an unknown path.
    @PostMapping("/requests.{format}")
    @Operation(summary = "Create a service request: api_key in the body or the query string; form-encoded, or "
            + "multipart/form-data with media files (JPEG or PNG, stored like photos); the district is derived from "
            + "lat/long or address_string when attribute[district] is not given")
    @ApiResponse(responseCode = "201", description = "Created: service_requests[request{service_request_id, token}]")
    @ApiResponse(responseCode = "400", description = "errors[error{code, description}]: a field is missing or wrong")
    @ApiResponse(responseCode = "403", description = "errors[error{code, description}]: api_key missing or invalid")
    Mono<ResponseEntity<String>> create(@PathVariable String format, ServerWebExchange exchange) {
        Open311Response representation = Open311Response.of(format);
        return form(exchange)
                .flatMap(form -> clients.clientFor(form.apiKey())
                        .switchIfEmpty(Mono.error(Open311Exception.forbidden("api_key is missing or not valid")))
                        .flatMap(client -> {
                            FileComplaintRequest request = request(form.fields());
                            if (form.media().size() > photoLimits.maxPerComplaint()) {
                                throw Open311Exception.badRequest("media: at most " + photoLimits.maxPerComplaint()
                                        + " files");
                            }
                            return Flux.fromIterable(form.media()).concatMap(photos::checkedPhoto).collectList()
                                    .flatMap(media -> intake.fileFromClient(request, client)
                                            .flatMap(complaint -> Flux.fromIterable(media)
                                                    .concatMap(photo -> photos.addFromClient(complaint.id(), photo,
                                                            "open311:" + client))
                                                    .then(Mono.just(complaint))));
                        }))
                .map(complaint -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    created.put("service_request_id", complaint.trackingCode());
                    created.put("token", complaint.id().toString());
                    created.put("service_notice", "按时限办理，到期日 " + complaint.dueDate());
                    created.put("account_id", null);
                    return representation.list(HttpStatus.CREATED, "service_requests", "request", List.of(created));
                });
    }

    @GetMapping("/requests.{format}")
    @Operation(summary = "Published service requests, newest first: by ids (which override every other filter), or "
            + "by services, time window (default 90 days) and statuses, each comma-separated")
    Mono<ResponseEntity<String>> requests(@PathVariable String format,
                                          @RequestParam(name = "service_request_id", required = false) String ids,
                                          @RequestParam(name = "service_code", required = false) String serviceCode,
                                          @RequestParam(name = "start_date", required = false) String startDate,
                                          @RequestParam(name = "end_date", required = false) String endDate,
                                          @RequestParam(name = "status", required = false) String status) {
        Open311Response representation = Open311Response.of(format);
        List<String> codes = commaList(ids);
        Mono<List<String>> published;
        if (!codes.isEmpty()) {
            published = publications.published(codes);
        } else {
            Set<Category> categories = commaList(serviceCode).stream().map(code -> ServiceCatalog.category(code)
                    .orElseThrow(() -> Open311Exception.badRequest("service_code: no service " + code
                            + "; the services are listed at services." + format))).collect(Collectors.toSet());
            Instant end = endDate == null ? time.now() : instant("end_date", endDate);
            Instant start = startDate == null ? end.minus(properties.defaultWindow())
                    : instant("start_date", startDate);
            if (!start.isBefore(end)) {
                throw Open311Exception.badRequest("start_date must be before end_date");
            }
            published = publications.search(categories, start, end, states(status), properties.maxResults());
        }
        return published.flatMap(found -> found.isEmpty() ? Mono.just(List.<Complaint>of())
                        : complaints.publicSearch(found, null, Instant.EPOCH, Instant.EPOCH, null,
                                properties.maxResults()).collectList())
                .flatMap(this::views)
                .map(views -> representation.list(HttpStatus.OK, "service_requests", "request", views));
    }

    @GetMapping("/requests/{id}.{format}")
    @Operation(summary = "One published service request")
    Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format) {
        Open311Response representation = Open311Response.of(format);
        return publications.published(List.of(id))
                .filter(found -> !found.isEmpty())
                .flatMap(found -> complaints.publicFind(id))
                .switchIfEmpty(Mono.error(Open311Exception.notFound("no service request " + id)))
                .flatMap(complaint -> views(List.of(complaint)))
                .map(views -> representation.list(HttpStatus.OK, "service_requests", "request", views));
    }

    @GetMapping("/tokens/{token}.{format}")
    @Operation(summary = "The service request id of a token returned by POST")
    Mono<ResponseEntity<String>> token(@PathVariable String token, @PathVariable String format) {
        Open311Response representation = Open311Response.of(format);
        UUID id;
        try {
            id = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw Open311Exception.notFound("no token " + token);
        }
        return complaints.publicFind(id)
                .switchIfEmpty(Mono.error(Open311Exception.notFound("no token " + token)))
                .map(complaint -> representation.list(HttpStatus.OK, "service_requests", "request",
                        List.of(Map.of("service_request_id", complaint.trackingCode(), "token", token))));
    }

    @GetMapping("/media/{photoId}")
    @Operation(summary = "A photo of a published service request (re-encoded, without metadata): its media_url")
    @ApiResponse(responseCode = "200", description = "The image (image/jpeg or image/png)")
    @ApiResponse(responseCode = "404", description = "No such photo, or its request is not public")
    Mono<ResponseEntity<byte[]>> media(@PathVariable String photoId) {
        UUID id;
        try {
            id = UUID.fromString(photoId);
        } catch (IllegalArgumentException e) {
            throw Open311Exception.notFound("no media " + photoId);
        }
        return publications.media(id)
                .switchIfEmpty(Mono.error(Open311Exception.notFound("no media " + photoId)))
                .map(photo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                        .header("X-Content-Type-Options", "nosniff").body(photo.data()));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> open311Error(Open311Exception error, ServerWebExchange exchange) {
        return formatOf(exchange).error(HttpStatus.valueOf(error.code()), error.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> domainError(DomainException error, ServerWebExchange exchange) {
        HttpStatus mapped = DomainProblems.statusOf(error);
        // Open311 clients know 400, 403 and 404 only.
        HttpStatus status = mapped == HttpStatus.NOT_FOUND || mapped == HttpStatus.FORBIDDEN ? mapped
                : HttpStatus.BAD_REQUEST;
        return formatOf(exchange).error(status, error.getMessage());
    }

    private static Open311Response formatOf(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().endsWith(".xml") ? Open311Response.XML : Open311Response.JSON;
    }

    /** The POST as form-encoded or multipart/form-data, whose {@code media} files are read up to the photo limit. */
    private Mono<Open311Form> form(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        String queryKey = exchange.getRequest().getQueryParams().getFirst("api_key");
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return exchange.getFormData().map(form -> Open311Form.of(form, List.of(), queryKey));
        }
        return exchange.getMultipartData().flatMap(parts -> {
            MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
            List<Mono<byte[]>> media = new ArrayList<>();
            parts.forEach((name, values) -> values.forEach(part -> {
                if (part instanceof FilePart file && "media".equals(name)) {
                    media.add(PhotoUploadRequest.bytes(Mono.just(file), photoLimits.maxBytes()));
                } else if (part instanceof FormFieldPart field) {
                    fields.add(name, field.value());
                }
            }));
            return Flux.concat(media).collectList().map(files -> Open311Form.of(fields, files, queryKey));
        });
    }

    private FileComplaintRequest request(MultiValueMap<String, String> form) {
        String serviceCode = form.getFirst("service_code");
        if (serviceCode == null || serviceCode.isBlank()) {
            throw Open311Exception.badRequest("service_code is required");
        }
        Category category = ServiceCatalog.category(serviceCode)
                .orElseThrow(() -> Open311Exception.badRequest("service_code: no service " + serviceCode));
        Location location = null;
        if (form.getFirst("lat") != null || form.getFirst("long") != null) {
            try {
                Coordinates.Point wgs84 = Coordinates.toWgs84(form.getFirst("attribute[coordinate_system]"),
                        Double.parseDouble(form.getFirst("long")), Double.parseDouble(form.getFirst("lat")));
                location = new Location(wgs84.longitude(), wgs84.latitude());
            } catch (NullPointerException | IllegalArgumentException e) {
                throw Open311Exception.badRequest(
                        "lat and long must both be numbers; coordinate_system wgs84, gcj02 or bd09");
            }
        }
        String address = form.getFirst("address_string");
        if (location == null && (address == null || address.isBlank())) {
            throw Open311Exception.badRequest("a location is required: lat and long, or address_string");
        }
        String district = district(form.getFirst("attribute[district]"), location, address);
        String type = form.getFirst("attribute[type]");
        ComplaintType complaintType;
        try {
            complaintType = type == null ? null : ComplaintType.valueOf(type.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Open311Exception.badRequest("attribute[type] is not one of the listed values");
        }
        String name = String.join("", nonNull(form.getFirst("last_name")), nonNull(form.getFirst("first_name")));
        Complainant complainant = new Complainant(name.isBlank() ? null : name, blankToNull(form.getFirst("phone")),
                null, blankToNull(form.getFirst("email")));
        String consent = form.getFirst("attribute[public]");
        FileComplaintRequest request = new FileComplaintRequest(complaintType, null, category,
                form.getFirst("description"), district, form.getFirst("attribute[enterprise_code]"), address,
                location, null, complainant.hasAnyData() ? complainant : null, null,
                consent != null && List.of("true", "yes", "1").contains(consent.strip().toLowerCase()));
        Set<ConstraintViolation<FileComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw Open311Exception.badRequest(violations.stream()
                    .map(v -> FIELDS.getOrDefault(v.getPropertyPath().toString(), v.getPropertyPath().toString())
                            + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        return request;
    }

    /**
     * The district named by the client, else the one the location lies in, else the one the address names. A
     * location outside every district is outside the city.
     */
    private String district(@Nullable String given, @Nullable Location location, @Nullable String address) {
        String located = null;
        if (location != null) {
            located = boundaries.districtAt(location.longitude(), location.latitude()).orElseThrow(() ->
                    Open311Exception.badRequest("lat/long (" + location.latitude() + ", " + location.longitude()
                            + ") lies outside the city: this endpoint takes requests for "
                            + String.join("、", districts.districts().stream().map(Districts.District::name)
                            .toList()) + " only"));
        }
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (located != null) {
            return located;
        }
        return boundaries.districtNamedIn(address == null ? "" : address).orElseThrow(() ->
                Open311Exception.badRequest("attribute[district] is required when address_string names no "
                        + "district of the city and there is no lat/long"));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> commaList(@Nullable String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(each -> !each.isEmpty()).distinct().toList();
    }

    /** Comma-separated open/closed; both or none mean every state. */
    private static Set<ComplaintStatus> states(@Nullable String status) {
        Set<String> asked = Set.copyOf(commaList(status));
        for (String each : asked) {
            if (!each.equals("open") && !each.equals("closed")) {
                throw Open311Exception.badRequest("status must be open, closed or both, comma-separated");
            }
        }
        if (asked.size() != 1) {
            return Set.of();
        }
        EnumSet<ComplaintStatus> closed = EnumSet.of(ComplaintStatus.CLOSED);
        return asked.contains("closed") ? closed : EnumSet.complementOf(closed);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.strip();
    }

    private static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(name + " must be a W3C (ISO 8601) date-time");
        }
    }

    private Mono<List<Map<String, Object>>> views(List<Complaint> found) {
        List<UUID> ids = found.stream().map(Complaint::id).toList();
        return publications.details(ids)
                .flatMap(details -> Flux.fromIterable(found)
                        .concatMap(complaint -> view(complaint, details.lastChanged().get(complaint.id()),
                                details.publicReplies().contains(complaint.id()),
                                details.firstPhotos().get(complaint.id())))
                        .collectList());
    }

    /**
     * A request as GeoReport v2 shows it: rich states map to open/closed plus notes; description and address
     * scrubbed of personal data; the reply only when staff marked it public; nothing about the complainant.
     */
    private Mono<Map<String, Object>> view(Complaint complaint, @Nullable Instant changed, boolean replyPublic,
                                           @Nullable UUID photo) {
        Mono<String> notes = complaint.status() == ComplaintStatus.LINKED && complaint.masterId() != null
                ? complaints.trackingCodeOf(complaint.masterId()).map(master -> "与 " + master + " 合并办理 linked")
                : Mono.just(notes(complaint, replyPublic));
        return notes.map(statusNotes -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("service_request_id", complaint.trackingCode());
            view.put("status", complaint.status() == ComplaintStatus.CLOSED ? "closed" : "open");
            view.put("status_notes", statusNotes);
            view.put("service_name", ServiceCatalog.name(complaint.category()));
            view.put("service_code", ServiceCatalog.code(complaint.category()));
            view.put("description", PersonalDataScrubber.scrub(complaint.description()));
            view.put("agency_responsible", complaint.handling().unit() == null ? "12345 环保热线"
                    : complaint.handling().unit());
            view.put("service_notice", null);
            view.put("requested_datetime", datetime(complaint.registeredAt()));
            view.put("updated_datetime", datetime(changed == null ? complaint.registeredAt() : changed));
            view.put("expected_datetime", complaint.dueDate() == null ? null
                    : DATETIME.format(complaint.dueDate().atTime(23, 59, 59).atZone(time.zone())));
            view.put("address", complaint.address() == null ? null : PersonalDataScrubber.scrub(complaint.address()));
            view.put("address_id", null);
            view.put("zipcode", null);
            view.put("lat", complaint.location() == null ? null : complaint.location().latitude());
            view.put("long", complaint.location() == null ? null : complaint.location().longitude());
            view.put("media_url", photo == null ? null : properties.url("/open311/v2/media/" + photo));
            return view;
        });
    }

    /** W3C date-time with the bureau's offset, in whole seconds. */
    private String datetime(Instant at) {
        return DATETIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(time.zone()));
    }

    private static String notes(Complaint complaint, boolean replyPublic) {
        String unit = complaint.handling().unit();
        return switch (complaint.status()) {
            case REGISTERED -> "已登记 registered";
            case DISPATCHED -> "已转办至 " + unit + " dispatched";
            case RETURNED -> "重新分派中 being re-dispatched";
            case ACCEPTED, HANDLING -> unit + " 办理中 in progress";
            case HANDLED -> "已办理，待回复 handled";
            case REPLIED, FOLLOWED_UP -> "已回复 answered" + reply(complaint, replyPublic);
            case CLOSED -> "已办结 closed" + reply(complaint, replyPublic);
            case LINKED -> "合并办理 linked";
        };
    }

    private static String reply(Complaint complaint, boolean replyPublic) {
        String reply = complaint.handling().reply();
        return replyPublic && reply != null && !reply.isBlank() ? ": " + PersonalDataScrubber.scrub(reply) : "";
    }
}
