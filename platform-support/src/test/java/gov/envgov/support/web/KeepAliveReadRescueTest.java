package gov.envgov.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/** The read the keep-alive rescue asks for after a complete response, and only when no request came meanwhile. */
class KeepAliveReadRescueTest {

    private final AtomicInteger reads = new AtomicInteger();

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                reads.incrementAndGet();
                ctx.read();
            }
        }, new KeepAliveReadRescue());
        channel.config().setAutoRead(false);
        return channel;
    }

    private static void answer(EmbeddedChannel channel) {
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    @Test
    void afterACompleteResponseTheChannelIsAskedToReadAgain() throws Exception {
        EmbeddedChannel channel = channel();
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/first"));
        int before = reads.get();
        answer(channel);
        Thread.sleep(60);
        channel.runScheduledPendingTasks();
        assertThat(reads.get()).isEqualTo(before + 1);
        channel.finishAndReleaseAll();
    }

    @Test
    void aRequestThatArrivedMeanwhileNeedsNoRescue() throws Exception {
        EmbeddedChannel channel = channel();
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/first"));
        answer(channel);
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/second"));
        int before = reads.get();
        Thread.sleep(60);
        channel.runScheduledPendingTasks();
        assertThat(reads.get()).isEqualTo(before);
        channel.finishAndReleaseAll();
    }
}
