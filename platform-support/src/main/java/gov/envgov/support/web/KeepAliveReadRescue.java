package gov.envgov.support.web;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Works around a Reactor Netty keep-alive bug (reactor/reactor-netty#4361, open in the 1.3 line we use): when the
 * next request on a kept-alive connection arrives before the previous exchange has fully terminated, the server
 * may answer it and then never ask the channel to read again, so the request after it waits unread until the client
 * gives up (seen here as a 30 s client timeout once in a few thousand requests, and as a gateway 504 towards a
 * service). After each complete response this handler asks the channel to read once more, shortly after, unless a
 * new request has arrived meanwhile; an extra read on a channel that is waiting anyway only registers read
 * interest. Sits right after the HTTP codec; one instance per connection.
 */
public final class KeepAliveReadRescue extends ChannelDuplexHandler {

    public static final String NAME = "envgov.keepAliveReadRescue";

    private static final long DELAY_MILLIS = 25;

    private long requests;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            requests++;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        boolean interim = msg instanceof HttpResponse
                && ((HttpResponse) msg).status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !interim) {
            long seen = requests;
            promise.addListener(written -> ctx.executor().schedule(() -> {
                if (requests == seen && ctx.channel().isActive() && !ctx.channel().config().isAutoRead()) {
                    ctx.read();
                }
            }, DELAY_MILLIS, TimeUnit.MILLISECONDS));
        }
        super.write(ctx, msg, promise);
    }
}
