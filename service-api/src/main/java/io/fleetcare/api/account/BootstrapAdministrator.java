package io.fleetcare.api.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.jboss.logging.Logger;

/**
 * Makes sure somebody can sign in to a fresh installation: at startup, when no account exists, creates the
 * administrator named in {@link BootstrapAdminConfig}. With no configured password it generates one and logs
 * it once, at WARN, so that the operator can sign in and replace it.
 */
@ApplicationScoped
public class BootstrapAdministrator {

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccountService accounts;

    @Inject
    BootstrapAdminConfig config;

    void onStart(@Observes StartupEvent event) {
        if (!accounts.none()) {
            return;
        }
        String username = config.adminUsername();
        boolean generated = config.adminPassword().isEmpty();
        String password = config.adminPassword().orElseGet(BootstrapAdministrator::randomPassword);
        try {
            accounts.create(username, password, EnumSet.of(Role.ADMIN));
        } catch (AccountAlreadyExistsException e) {
            LOG.infof("Bootstrap administrator %s was created by another instance", username);
            return;
        } catch (RuntimeException e) {
            if (!accounts.none()) {
                LOG.infof("Another instance created the first account while this one tried; skipping %s", username);
                return;
            }
            throw e;
        }
        if (generated) {
            LOG.warnf("Created bootstrap administrator '%s' with generated password '%s'. It is shown only this"
                    + " once: sign in and replace it, or set FLEETCARE_BOOTSTRAP_ADMIN_PASSWORD before the first"
                    + " start.", username, password);
        } else {
            LOG.infof("Created bootstrap administrator '%s' with the configured password", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
