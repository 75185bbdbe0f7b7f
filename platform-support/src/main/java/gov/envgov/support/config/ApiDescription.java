package gov.envgov.support.config;

import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Every service's OpenAPI description names the service and its version and declares the bearer scheme (a Keycloak
 * access token), so that Swagger UI's "Authorize" sends it. Public endpoints answer without one as well.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
class ApiDescription {

    static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI apiDescription(Environment environment, ObjectProvider<BuildProperties> build) {
        String name = environment.getProperty("spring.application.name", "envgov");
        return new OpenAPI()
                .info(new Info().title("EnvGov " + name).version(version(environment, build))
                        .description("The " + name + " API of the EnvGov platform. Errors are RFC 9457 problem "
                                + "documents naming the field and what is accepted. "
                                + TimeConvention.sentence(ZoneId.of(environment.getProperty("envgov.calendar.zone",
                                        "Asia/Shanghai")))))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A Keycloak access token of the envgov realm")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                // The public entry from configuration, never the Host header of whoever asked (ACCESS-PUBLIC-URLS).
                .servers(List.of(new Server().url(environment.getProperty("envgov.public-base-url",
                        "http://localhost:8080")).description("The platform's gateway")));
    }

    /** The build's version where the build recorded one, else the jar's, else the property Boot reads from it. */
    static String version(Environment environment, ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        if (properties != null && properties.getVersion() != null) {
            return properties.getVersion();
        }
        String application = environment.getProperty("spring.application.version");
        if (application != null) {
            return application;
        }
        String platform = ApiDescription.class.getPackage().getImplementationVersion();
        return platform == null ? "development" : platform;
    }
}
