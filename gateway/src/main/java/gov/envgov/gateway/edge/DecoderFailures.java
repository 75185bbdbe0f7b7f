package gov.envgov.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * A request the HTTP codec cannot read (a request line or headers over the codec's limits, a malformed head) is
 * answered as a problem document like every other refusal (414, 431 or 400), not with the codec's empty answer, and
 * the connection is closed since the rest of it cannot be read reliably (after a short linger, so that the answer is
 * not lost to a reset). Sits right after the codec.
 */
final class DecoderFailures extends ChannelInboundHandlerAdapter {

    static final String NAME = "envgov.decoderFailures";
    static final long LINGER_SECONDS = 2;

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpObject && ((HttpObject) msg).decoderResult().isFailure()) {
            Throwable cause = ((HttpObject) msg).decoderResult().cause();
            ReferenceCountUtil.release(msg);
            refused = true;
            refuse(ctx, cause);
            return;
        }
        super.channelRead(ctx, msg);
    }

    static HttpResponseStatus statusFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    private static void refuse(ChannelHandlerContext ctx, Throwable cause) {
        HttpResponseStatus status = statusFor(cause);
        String detail = status == HttpResponseStatus.REQUEST_URI_TOO_LONG
                ? "The request line is longer than the gateway reads: shorten the path and the query."
                : status == HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                ? "The request's headers are larger than the gateway reads: send fewer or shorter headers."
                : "The request's head is not valid HTTP/1.1.";
        byte[] body = ("{\"type\":\"urn:envgov:problem:malformed-request\",\"title\":\"" + status.reasonPhrase()
                + "\",\"status\":" + status.code() + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            Channel channel = written.channel();
            if (channel instanceof DuplexChannel duplex && channel.isActive()) {
                // A lingering close: the answer and then the end of our side go out, while what the client still
                // sends is read and dropped (see channelRead) until it closes or the grace ends. Closing with its
                // bytes unread would reset the connection, and a reset can destroy the answer before the client
                // has read it (seen: "header parser received no bytes" on a 414).
                duplex.shutdownOutput();
                channel.eventLoop().schedule(() -> channel.close(), LINGER_SECONDS, TimeUnit.SECONDS);
            } else {
                channel.close();
            }
        });
    }
}
