package io.fleetcare.gateway.ocpp;

import java.util.concurrent.CompletionStage;

/** The open connection to one charge point, as the session sees it. */
public interface ChargePointLink {

    /**
     * @param frame one OCPP-J frame; never null
     * @return completes when the frame is written, exceptionally when the connection is gone; never null
     */
    CompletionStage<Void> send(String frame);

    /** Closes the connection; does nothing when it is closed already. */
    void close();
}
