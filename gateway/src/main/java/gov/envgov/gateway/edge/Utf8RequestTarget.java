package gov.envgov.gateway.edge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Browsers percent-encode a URL's non-ASCII characters as UTF-8; curl and many scripts send them raw
 * ({@code ?q=辽河} as the bytes E8 BE BD E6 B2 B3). The HTTP codec reads a request line byte by byte, one character
 * per byte, so without this the gateway would pass the six bytes on as six Latin-1 characters, each encoded again,
 * and the service would search for mojibake. This handler, right after the codec, percent-encodes raw bytes that form
 * UTF-8, so every service sees what a browser would have sent; a request target whose raw bytes are not UTF-8 is
 * refused with a 400 problem, since no service could read it.
 */
final class Utf8RequestTarget extends ChannelInboundHandlerAdapter {

    static final String NAME = "envgov.utf8RequestTarget";

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && hasRawBytes(request.uri())) {
            String encoded = encode(request.uri());
            if (encoded == null) {
                refused = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx);
                return;
            }
            request.setUri(encoded);
        }
        super.channelRead(ctx, msg);
    }

    static boolean hasRawBytes(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) > 0x7e) {
                return true;
            }
        }
        return false;
    }

    /** The target with its raw bytes percent-encoded, or null when they are not UTF-8. */
    static String encode(String target) {
        byte[] bytes = new byte[target.length()];
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c > 0xff) {
                return null;
            }
            bytes[i] = (byte) c;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int unsigned = b & 0xff;
            if (unsigned > 0x7e) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(unsigned >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(unsigned & 0xf, 16)));
            } else {
                out.append((char) unsigned);
            }
        }
        return out.toString();
    }

    private static void refuse(ChannelHandlerContext ctx) {
        byte[] body = ("{\"type\":\"urn:envgov:problem:malformed-request\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The request target holds bytes that are not UTF-8: percent-encode the path and the"
                + " query in UTF-8.\"}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
