package gov.envgov.gateway.edge;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Closes a client connection that does not deliver a complete request head in time: within the header-read timeout
 * of being opened, within the idle timeout of its last response. A deadline, not a pause between reads, so a client
 * that sends one byte of its headers every few seconds (slowloris) is cut as surely as a silent one. Sits right after
 * the HTTP codec, where decoded request heads and the end of each response pass; one instance per connection.
 */
final class ConnectionDeadlines extends ChannelDuplexHandler {

    static final String NAME = "envgov.connectionDeadlines";

    private final long headerReadMillis;
    private final long idleMillis;
    private int inFlight;
    private ScheduledFuture<?> deadline;

    ConnectionDeadlines(long headerReadMillis, long idleMillis) {
        this.headerReadMillis = headerReadMillis;
        this.idleMillis = idleMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx, headerReadMillis);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (deadline == null) {
            arm(ctx, headerReadMillis);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            inFlight++;
            disarm();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        boolean interim = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !interim && inFlight > 0 && --inFlight == 0) {
            arm(ctx, idleMillis);
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx, long millis) {
        disarm();
        deadline = ctx.executor().schedule(() -> {
            if (inFlight == 0) {
                ctx.close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
