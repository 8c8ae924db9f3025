package io.fleetcare.gateway.ocpp;

import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.IngestMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The charge points with an open connection to this gateway instance, one session per charge point
 * (gauge {@code gateway_devices_connected{protocol="ocpp"}}). A charge point that connects again
 * while its old connection still looks open replaces it, and the old connection is closed.
 */
@ApplicationScoped
public class ConnectedChargePoints {

    private static final Logger LOG = Logger.getLogger(ConnectedChargePoints.class);

    private final Map<String, ChargePointSession> sessions = new ConcurrentHashMap<>();

    public ConnectedChargePoints(IngestMetrics metrics) {
        metrics.gaugeConnectedDevices(Protocol.OCPP16, sessions::size);
    }

    void connected(ChargePointSession session) {
        ChargePointSession previous = sessions.put(session.chargePointId(), session);
        LOG.infof("charge point %s connected (connection %s)", session.chargePointId(), session.connectionId());
        if (previous != null) {
            LOG.infof("charge point %s: closing its older connection %s", previous.chargePointId(),
                    previous.connectionId());
            previous.closed();
            previous.link().close();
        }
    }

    void disconnected(ChargePointSession session) {
        session.closed();
        if (sessions.remove(session.chargePointId(), session)) {
            LOG.infof("charge point %s disconnected (connection %s)", session.chargePointId(),
                    session.connectionId());
        }
    }

    /**
     * @param chargePointId never null
     * @return its current session, or empty when it is not connected to this instance; never null
     */
    public Optional<ChargePointSession> find(String chargePointId) {
        return Optional.ofNullable(sessions.get(chargePointId));
    }
}
