package gov.envgov.complaint.open311;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Any other path under {@code /open311/}: the specification's 404 {@code errors} document, in the format the path
 * asks for ({@code .xml}, or an Accept of XML), JSON otherwise. Known paths are matched first: they are more
 * specific than this pattern.
 */
@RestController
@Hidden
class Open311Fallback {

    @RequestMapping("/open311/**")
    ResponseEntity<String> unknown(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        boolean xml = path.endsWith(".xml") || !path.endsWith(".json") && exchange.getRequest().getHeaders()
                .getAccept().stream().anyMatch(type -> "xml".equals(type.getSubtype()));
        // The path is not echoed: it is the caller's raw input.
        return (xml ? Open311Response.XML : Open311Response.JSON).error(HttpStatus.NOT_FOUND,
                "no such Open311 resource; the resources are listed at /open311/v2/discovery.json");
    }
}
