package io.fleetcare.api.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/** The first administrator, created when no account exists: {@code fleetcare.bootstrap.*}. */
@ConfigMapping(prefix = "fleetcare.bootstrap")
public interface BootstrapAdminConfig {

    /** Username of the first administrator (env {@code FLEETCARE_BOOTSTRAP_ADMIN_USERNAME}). */
    @WithDefault("admin")
    @NotBlank
    String adminUsername();

    /**
     * Password of the first administrator (env {@code FLEETCARE_BOOTSTRAP_ADMIN_PASSWORD}). When absent (an
     * empty value counts as absent), a random one is generated and logged once at WARN.
     */
    Optional<String> adminPassword();
}
