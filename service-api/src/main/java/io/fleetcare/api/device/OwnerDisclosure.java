package io.fleetcare.api.device;

import io.fleetcare.api.account.Caller;
import java.util.List;
import java.util.Map;

/**
 * Decides what a caller may see of the owner of each device read (the owner's id, a private customer's home as the
 * site address, the name of who accepted the installation), and registers every read it allows in the audit trail.
 * Defined here so that the registry does not depend on the grants; implemented by the grant feature.
 */
public interface OwnerDisclosure {

    /**
     * Called inside the read's transaction.
     *
     * @param devices never null
     * @param caller  never null
     * @return the access per device id, one for every device given; never null
     */
    Map<String, OwnerAccess> decide(List<Device> devices, Caller caller);
}
