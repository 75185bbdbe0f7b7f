package gov.envgov.gateway.edge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.web.KeepAliveReadRescue;
import reactor.netty.NettyPipeline;

/** The gateway's server: the deadlines of {@link ConnectionDeadlines} and UTF-8 request targets and
 * problem answers for requests the codec cannot read, on every connection. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class ClientConnections {

    @Bean
    NettyServerCustomizer clientConnectionDeadlines(EdgeProperties properties) {
        long header = properties.headerReadTimeout().toMillis();
        long idle = properties.idleTimeout().toMillis();
        return server -> server
                .idleTimeout(properties.idleTimeout())
                .readTimeout(properties.bodyReadTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline()
                                .addAfter(NettyPipeline.HttpCodec, DecoderFailures.NAME, new DecoderFailures())
                                .addAfter(DecoderFailures.NAME, Utf8RequestTarget.NAME, new Utf8RequestTarget())
                                .addAfter(Utf8RequestTarget.NAME, ConnectionDeadlines.NAME,
                                        new ConnectionDeadlines(header, idle))
                                .addAfter(ConnectionDeadlines.NAME, KeepAliveReadRescue.NAME,
                                        new KeepAliveReadRescue());
                    }
                });
    }
}
