package io.fleetcare.api.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The live feed of alert changes for the NOC: every alert this instance stores or annotates, pushed to all
 * clients connected at that moment. Nothing is buffered for clients that connect later; they read the list.
 */
@ApplicationScoped
public class AlertStream {

    private final BroadcastProcessor<AlertView> processor = BroadcastProcessor.create();

    /** @return the changes from now on; completes never, fails never */
    public Multi<AlertView> changes() {
        return processor.onOverflow().drop();
    }

    /** Pushes the alert as it is now to every connected client. */
    synchronized void publish(AlertView alert) {
        processor.onNext(alert);
    }
}
