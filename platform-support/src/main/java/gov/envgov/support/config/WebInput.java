package gov.envgov.support.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import gov.envgov.support.problem.ControlCharacters;
import gov.envgov.support.web.BodyLimit;
import gov.envgov.support.web.CaseInsensitiveEnums;
import gov.envgov.support.web.InputCheck;
import gov.envgov.support.web.InputProperties;
import gov.envgov.support.web.KeepAliveReadRescue;
import reactor.netty.NettyPipeline;

/**
 * The input checks every service shares, switched on by {@code envgov.web.input.enabled} (set in
 * {@code envgov-platform.yml}, which every service imports and the gateway does not): body limits, control characters
 * and blank path variables, JSON texts, enum values in any case, and the server's timeouts for slow clients.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "envgov.web.input.enabled", havingValue = "true")
class WebInput {

    @Bean
    BodyLimit bodyLimit(InputProperties properties) {
        return new BodyLimit(properties.bodyLimit().defaultMax(), properties.bodyLimit().paths());
    }

    @Bean
    InputCheck inputCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new InputCheck(mappings);
    }

    @Bean
    JsonMapperBuilderCustomizer controlCharactersInJson() {
        return builder -> builder.addModule(ControlCharacters.jacksonModule());
    }

    @Bean
    WebFluxConfigurer caseInsensitiveEnums() {
        return new WebFluxConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverterFactory(new CaseInsensitiveEnums());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    static class Server {

        /**
         * Reactor Netty's read and request timeouts, which Boot has no property for (its idle timeout is
         * {@code server.netty.idle-timeout}): a client that stops sending a body half-way is cut off.
         */
        @Bean
        NettyServerCustomizer slowClientTimeouts(InputProperties properties) {
            return server -> {
                var timeouts = properties.server();
                var configured = server;
                if (timeouts.readTimeout() != null) {
                    configured = configured.readTimeout(timeouts.readTimeout());
                }
                if (timeouts.requestTimeout() != null) {
                    configured = configured.requestTimeout(timeouts.requestTimeout());
                }
                return configured.doOnChannelInit((observer, channel, remoteAddress) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, KeepAliveReadRescue.NAME,
                                new KeepAliveReadRescue());
                    }
                });
            };
        }
    }
}
