package io.fleetcare.api.audit;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Where an audited operation came from.
 *
 * @param endpoint      HTTP method and path, e.g. {@code GET /api/customers/7}; {@code internal} outside a request
 * @param remoteAddress the peer's IP address as the server saw it (behind a proxy: the proxy's unless
 *                      {@code quarkus.http.proxy.proxy-address-forwarding} is on); null when unknown
 */
public record RequestOrigin(String endpoint, String remoteAddress) {

    /** An operation the service ran by itself (a job, a consumer). */
    public static final RequestOrigin INTERNAL = new RequestOrigin("internal", null);

    /** @param context may be null, then {@link #INTERNAL} */
    public static RequestOrigin of(RoutingContext context) {
        if (context == null) {
            return INTERNAL;
        }
        SocketAddress peer = context.request().remoteAddress();
        return new RequestOrigin(context.request().method().name() + " " + context.request().path(),
                peer == null ? null : peer.hostAddress());
    }
}
