package gov.envgov.complaint.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import gov.envgov.complaint.intake.FileComplaintRequest;
import gov.envgov.complaint.intake.IntakeService;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.problem.DomainProblems;
import gov.envgov.support.reference.Districts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Mono;

/** Open311 GeoReport v2 at {@code /open311/v2/}, in JSON and XML. */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "Standard civic-issue API over the complaint line")
class Open311Controller {

    /** Digit runs as long as a phone or ID number are masked in public descriptions. */
    private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\d{7,}[\\dXx]?");

    private final IntakeService intake;
    private final ComplaintQueries complaints;
    private final Open311Clients clients;
    private final Open311Properties properties;
    private final Districts districts;
    private final Validator validator;
    private final BureauTime time;

    Open311Controller(IntakeService intake, ComplaintQueries complaints, Open311Clients clients,
                      Open311Properties properties, Districts districts, Validator validator, BureauTime time) {
        this.intake = intake;
        this.complaints = complaints;
        this.clients = clients;
        this.properties = properties;
        this.districts = districts;
        this.validator = validator;
        this.time = time;
    }

    @GetMapping("/discovery.{format}")
    @Operation(summary = "Discovery")
    ResponseEntity<String> discovery(@PathVariable String format, ServerWebExchange exchange) {
        String base = exchange.getRequest().getURI().resolve("/open311/v2/").toString();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", base);
        endpoint.put("changeset", "2026-11-28T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", "2026-11-28T00:00:00+08:00");
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

    @PostMapping("/requests.{format}")
    @Operation(summary = "Create a service request (api_key required)")
    Mono<ResponseEntity<String>> create(@PathVariable String format, ServerWebExchange exchange) {
        Open311Response representation = Open311Response.of(format);
        return exchange.getFormData().flatMap(form -> clients.clientFor(form.getFirst("api_key"))
                .switchIfEmpty(Mono.error(Open311Exception.forbidden("api_key is missing or not valid")))
                .flatMap(client -> intake.fileFromClient(request(form), client))
                .map(complaint -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    created.put("service_request_id", complaint.trackingCode());
                    created.put("token", complaint.id().toString());
                    created.put("service_notice", "按时限办理，到期日 " + complaint.dueDate());
                    created.put("account_id", null);
                    return representation.list(HttpStatus.CREATED, "service_requests", "request", List.of(created));
                }));
    }

    @GetMapping("/requests.{format}")
    @Operation(summary = "Service requests, newest first: by ids, or by service, time window (default 90 days) and "
            + "status")
    Mono<ResponseEntity<String>> requests(@PathVariable String format,
                                          @RequestParam(name = "service_request_id", required = false) String ids,
                                          @RequestParam(name = "service_code", required = false) String serviceCode,
                                          @RequestParam(name = "start_date", required = false) String startDate,
                                          @RequestParam(name = "end_date", required = false) String endDate,
                                          @RequestParam(name = "status", required = false) String status) {
        Open311Response representation = Open311Response.of(format);
        List<String> codes = ids == null ? List.of() : Arrays.stream(ids.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList();
        Category category = serviceCode == null ? null : ServiceCatalog.category(serviceCode)
                .orElseThrow(() -> Open311Exception.badRequest("no service " + serviceCode));
        Instant end = endDate == null ? time.now() : instant("end_date", endDate);
        Instant start = startDate == null ? end.minus(properties.defaultWindow()) : instant("start_date", startDate);
        if (!start.isBefore(end)) {
            throw Open311Exception.badRequest("start_date must be before end_date");
        }
        Boolean closed = status == null ? null : switch (status) {
            case "open" -> false;
            case "closed" -> true;
            default -> throw Open311Exception.badRequest("status must be open or closed");
        };
        return complaints.publicSearch(codes, category, start, end, closed, properties.maxResults())
                .concatMap(this::view).collectList()
                .map(views -> representation.list(HttpStatus.OK, "service_requests", "request", views));
    }

    @GetMapping("/requests/{id}.{format}")
    @Operation(summary = "One service request")
    Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format) {
        Open311Response representation = Open311Response.of(format);
        return complaints.publicFind(id)
                .switchIfEmpty(Mono.error(Open311Exception.notFound("no service request " + id)))
                .flatMap(this::view)
                .map(view -> representation.list(HttpStatus.OK, "service_requests", "request", List.of(view)));
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

    private FileComplaintRequest request(MultiValueMap<String, String> form) {
        String serviceCode = form.getFirst("service_code");
        Category category = serviceCode == null ? null : ServiceCatalog.category(serviceCode)
                .orElseThrow(() -> Open311Exception.badRequest("no service " + serviceCode));
        if (category == null) {
            throw Open311Exception.badRequest("service_code is required");
        }
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
        String type = form.getFirst("attribute[type]");
        ComplaintType complaintType;
        try {
            complaintType = type == null ? null : ComplaintType.valueOf(type.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Open311Exception.badRequest("attribute[type] is not one of the listed values");
        }
        String name = String.join("", nonNull(form.getFirst("last_name")), nonNull(form.getFirst("first_name")));
        Complainant complainant = new Complainant(name.isBlank() ? null : name, form.getFirst("phone"), null);
        FileComplaintRequest request = new FileComplaintRequest(complaintType, null, category,
                form.getFirst("description"), form.getFirst("attribute[district]"),
                form.getFirst("attribute[enterprise_code]"), address, location, null,
                complainant.hasAnyData() ? complainant : null, null);
        Set<ConstraintViolation<FileComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw Open311Exception.badRequest(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return request;
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

    /** A request as GeoReport v2 shows it: rich states map to open/closed plus notes, and nothing personal. */
    private Mono<Map<String, Object>> view(Complaint complaint) {
        Mono<String> notes = complaint.status() == ComplaintStatus.LINKED && complaint.masterId() != null
                ? complaints.trackingCodeOf(complaint.masterId()).map(master -> "与 " + master + " 合并办理 linked")
                : Mono.just(notes(complaint));
        return notes.map(statusNotes -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("service_request_id", complaint.trackingCode());
            view.put("status", complaint.status() == ComplaintStatus.CLOSED ? "closed" : "open");
            view.put("status_notes", statusNotes);
            view.put("service_name", ServiceCatalog.name(complaint.category()));
            view.put("service_code", ServiceCatalog.code(complaint.category()));
            view.put("description", LONG_NUMBER.matcher(complaint.description()).replaceAll("***"));
            view.put("agency_responsible", complaint.handling().unit() == null ? "12345 环保热线"
                    : complaint.handling().unit());
            view.put("service_notice", null);
            view.put("requested_datetime",
                    complaint.registeredAt().atZone(time.zone()).toOffsetDateTime().toString());
            view.put("updated_datetime", null);
            view.put("expected_datetime", complaint.dueDate() == null ? null
                    : complaint.dueDate().atTime(23, 59, 59).atZone(time.zone()).toOffsetDateTime().toString());
            view.put("address", complaint.address());
            view.put("address_id", null);
            view.put("zipcode", null);
            view.put("lat", complaint.location() == null ? null : complaint.location().latitude());
            view.put("long", complaint.location() == null ? null : complaint.location().longitude());
            view.put("media_url", null);
            return view;
        });
    }

    private static String notes(Complaint complaint) {
        String unit = complaint.handling().unit();
        return switch (complaint.status()) {
            case REGISTERED -> "已登记 registered";
            case DISPATCHED -> "已转办至 " + unit + " dispatched";
            case RETURNED -> "重新分派中 being re-dispatched";
            case ACCEPTED, HANDLING -> unit + " 办理中 in progress";
            case HANDLED -> "已办理，待回复 handled";
            case REPLIED, FOLLOWED_UP -> "已回复 answered: " + complaint.handling().reply();
            case CLOSED -> "已办结 closed: " + nonNull(complaint.handling().reply());
            case LINKED -> "合并办理 linked";
        };
    }
}
