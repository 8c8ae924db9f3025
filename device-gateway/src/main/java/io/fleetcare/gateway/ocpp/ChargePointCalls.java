package io.fleetcare.gateway.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Sends calls from the gateway to connected charge points (remote diagnostics) and correlates
 * their answers by message id. The answer must come within {@code fleetcare.ocpp.call-timeout}
 * (default 30 s) of sending; calls to one charge point go out one after the other.
 */
@ApplicationScoped
public class ChargePointCalls {

    private static final Logger LOG = Logger.getLogger(ChargePointCalls.class);

    private final ConnectedChargePoints connected;
    private final OcppSettings settings;

    public ChargePointCalls(ConnectedChargePoints connected, OcppSettings settings) {
        this.connected = connected;
        this.settings = settings;
    }

    /** True when the charge point has an open connection to this gateway instance. */
    public boolean isConnected(String chargePointId) {
        return connected.find(chargePointId).isPresent();
    }

    /**
     * @param chargePointId never null
     * @param call          never null
     * @return the CALLRESULT or CALLERROR; fails with {@link ChargePointNotConnected} when the charge point has
     *         no open connection here (or loses it before answering), with
     *         {@link java.util.concurrent.TimeoutException} when it does not answer in time; never null
     */
    public CompletionStage<CallAnswer> call(String chargePointId, OutboundCall call) {
        return call(chargePointId, call, settings.callTimeout());
    }

    /**
     * As {@link #call(String, OutboundCall)}, waiting {@code timeout} (positive, never null) for the answer.
     */
    public CompletionStage<CallAnswer> call(String chargePointId, OutboundCall call, Duration timeout) {
        return connected.find(chargePointId)
                .map(session -> {
                    LOG.debugf("charge point %s: calling %s", chargePointId, call.action());
                    return session.call(call, timeout);
                })
                .orElseGet(() -> CompletableFuture.failedFuture(new ChargePointNotConnected(chargePointId)));
    }
}
