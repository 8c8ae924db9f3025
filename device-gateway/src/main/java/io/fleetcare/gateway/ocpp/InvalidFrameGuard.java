package io.fleetcare.gateway.ocpp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closes a charge point's connection properly when Netty's frame decoder refuses a frame, e.g. one frame larger than
 * {@code quarkus.websockets-next.server.max-frame-size}: it sends the close frame the decoder chose (1009 "message too
 * big", 1002 protocol error, 1007 invalid UTF-8) and closes the TCP connection only once the charge point has stopped
 * sending, so that the close frame reaches it.
 *
 * <p>Without it, Vert.x 4.5 (whose decoder runs with {@code closeOnProtocolViolation=false}) closes the channel at
 * once from its own exception handler: the charge point sees the connection end without any close frame, or a TCP
 * reset while it is still writing the rest of its frame. The guard sits right before Vert.x's connection handler, so
 * the decoder's failure reaches it first; it is installed by {@link ChargePointAdmission} when it admits a charge
 * point. {@code OcppOversizedMessageIT} sends such frames from a raw socket and fails if Vert.x's pipeline changes.
 */
final class InvalidFrameGuard extends ChannelInboundHandlerAdapter {

    /** Closed this long after the last bytes arrived. */
    static final Duration QUIET = Duration.ofMillis(300);
    /** Closed at the latest this long after the refusal, however much the charge point still sends. */
    static final Duration AT_MOST = Duration.ofSeconds(5);

    private static final String NAME = "fleetcare-invalid-frame-guard";

    private final Consumer<CorruptedWebSocketFrameException> refused;
    private boolean refusing;
    private long closeAtTheLatest;
    private ScheduledFuture<?> closing;

    private InvalidFrameGuard(Consumer<CorruptedWebSocketFrameException> refused) {
        this.refused = refused;
    }

    /**
     * Puts a guard into the connection's pipeline before Vert.x's own handler.
     *
     * @param connection the HTTP connection about to be upgraded to a WebSocket
     * @param refused    told once per connection about the refused frame (log line, counter); runs on the event loop
     * @return false when the connection is not the Vert.x implementation the guard knows (nothing installed)
     */
    static boolean install(HttpConnection connection, Consumer<CorruptedWebSocketFrameException> refused) {
        if (!(connection instanceof ConnectionBase vertx)) {
            return false;
        }
        ChannelHandlerContext handler = vertx.channelHandlerContext();
        if (handler.pipeline().get(NAME) == null) {
            handler.pipeline().addBefore(handler.name(), NAME, new InvalidFrameGuard(refused));
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof CorruptedWebSocketFrameException corrupted)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (refusing) {
            return;
        }
        refusing = true;
        refused.accept(corrupted);
        WebSocketCloseStatus status = corrupted.closeStatus() == null ? WebSocketCloseStatus.PROTOCOL_ERROR
                : corrupted.closeStatus();
        String reason = status.code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code() ? "message too big"
                : status.reasonText();
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason));
        closeAtTheLatest = System.nanoTime() + AT_MOST.toNanos();
        closeWhenQuiet(ctx);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (refusing) {
            // the decoder discards what still arrives; every read postpones the close a little
            closeWhenQuiet(ctx);
            return;
        }
        ctx.fireChannelReadComplete();
    }

    private void closeWhenQuiet(ChannelHandlerContext ctx) {
        if (closing != null) {
            closing.cancel(false);
        }
        long delay = Math.min(QUIET.toNanos(), Math.max(0, closeAtTheLatest - System.nanoTime()));
        closing = ctx.executor().schedule(() -> {
            ctx.close();
        }, delay, TimeUnit.NANOSECONDS);
    }
}
