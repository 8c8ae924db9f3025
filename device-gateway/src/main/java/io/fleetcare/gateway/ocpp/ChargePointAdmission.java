package io.fleetcare.gateway.ocpp;

import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides at the HTTP upgrade whether a charge point may open its OCPP connection (OCPP 1.6 security
 * profile 1): it must offer the subprotocol {@code ocpp1.6} (else 400), and authenticate with HTTP Basic
 * as {@code chargePointId:password} where the user name equals the id in the URL and the password
 * matches the bcrypt or {@code $7$} hash in the {@link ChargerRegistry} (else 401 with a {@code WWW-Authenticate}
 * challenge). Wrong credentials (and unknown ids) are throttled per charge point id + address, per address and per
 * charge point id ({@link UpgradeThrottle}, {@code fleetcare.ocpp.throttle.*}): an upgrade that comes too early is
 * answered 429 with {@code Retry-After} before any hash is checked. Refusals are counted in
 * {@code gateway_connections_refused_total{protocol="ocpp",reason}} ({@code reason="throttled"} for those) and
 * logged with the charge point id (throttled ones at DEBUG, so a guesser cannot flood the log).
 */
@ApplicationScoped
public class ChargePointAdmission implements HttpUpgradeCheck {

    /** The OCPP-J 1.6 WebSocket subprotocol. */
    public static final String SUBPROTOCOL = "ocpp1.6";

    /** Why a connection was refused; the lower-case name is the {@code reason} metric tag. */
    public enum Refusal {
        NO_SUBPROTOCOL, MISSING_CREDENTIALS, UNKNOWN_CHARGER, BAD_CREDENTIALS,
        /** Too early after wrong credentials ({@link UpgradeThrottle}): 429 without a password check. */
        THROTTLED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger LOG = Logger.getLogger(ChargePointAdmission.class);
    private static final Map<String, List<String>> CHALLENGE =
            Map.of("WWW-Authenticate", List.of("Basic realm=\"fleetcare-ocpp\", charset=\"UTF-8\""));

    private final ChargerRegistry registry;
    private final IngestMetrics metrics;
    private final UpgradeThrottle throttle;
    private final Clock clock = Clock.systemUTC();

    public ChargePointAdmission(ChargerRegistry registry, IngestMetrics metrics, OcppSettings settings) {
        this.registry = registry;
        this.metrics = metrics;
        this.throttle = new UpgradeThrottle(UpgradeThrottle.Limits.of(settings.throttle()));
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return OcppEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String chargePointId = context.pathParam("chargePointId");
        List<String> offered = context.httpRequest().headers().getAll("Sec-WebSocket-Protocol").stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::trim)
                .toList();
        if (!offered.contains(SUBPROTOCOL)) {
            return refuse(chargePointId, Refusal.NO_SUBPROTOCOL, 400);
        }
        Optional<String[]> credentials = basicCredentials(context.httpRequest().getHeader("Authorization"));
        if (credentials.isEmpty()) {
            return refuse(chargePointId, Refusal.MISSING_CREDENTIALS, 401);
        }
        String source = context.httpRequest().remoteAddress() == null ? null
                : context.httpRequest().remoteAddress().hostAddress();
        Optional<Duration> wait = throttle.waitBefore(chargePointId, source, clock.instant());
        if (wait.isPresent()) {
            metrics.countConnectionRefused(Protocol.OCPP16, Refusal.THROTTLED.tag());
            LOG.debugf("charge point %s: upgrade from %s refused for %s after wrong credentials", chargePointId,
                    source, wait.get());
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return CheckResult.rejectUpgrade(429, Map.of("Retry-After", List.of(Long.toString(seconds))));
        }
        String user = credentials.get()[0];
        String password = credentials.get()[1];
        Optional<Charger> charger = registry.find(chargePointId);
        if (charger.isEmpty()) {
            throttle.failed(chargePointId, source, clock.instant());
            return refuse(chargePointId, Refusal.UNKNOWN_CHARGER, 401);
        }
        if (!user.equals(chargePointId)) {
            throttle.failed(chargePointId, source, clock.instant());
            return refuse(chargePointId, Refusal.BAD_CREDENTIALS, 401);
        }
        String hash = charger.get().passwordHash();
        return Uni.createFrom().item(() -> matches(password, hash))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(matches -> {
                    if (matches) {
                        throttle.succeeded(chargePointId, source, clock.instant());
                        return admit(chargePointId, context);
                    }
                    throttle.failed(chargePointId, source, clock.instant());
                    return refuse(chargePointId, Refusal.BAD_CREDENTIALS, 401);
                });
    }

    private Uni<CheckResult> admit(String chargePointId, HttpUpgradeContext context) {
        boolean guarded = InvalidFrameGuard.install(context.httpRequest().connection(),
                refused -> frameRefused(chargePointId, refused));
        if (!guarded) {
            LOG.debugf("charge point %s: no invalid-frame guard on this connection type", chargePointId);
        }
        return CheckResult.permitUpgrade();
    }

    private void frameRefused(String chargePointId, CorruptedWebSocketFrameException refused) {
        boolean tooBig = refused.closeStatus() != null
                && refused.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
        metrics.countRejected(Protocol.OCPP16, tooBig ? IngestRejection.Reason.PAYLOAD_TOO_LARGE
                : IngestRejection.Reason.MALFORMED_PAYLOAD);
        if (tooBig) {
            LOG.warnf("charge point %s: message too big, closing with 1009 (%s)", chargePointId, refused.getMessage());
        } else {
            LOG.warnf("charge point %s: invalid WebSocket frame, closing with %s (%s)", chargePointId,
                    refused.closeStatus() == null ? "1002" : refused.closeStatus().code(), refused.getMessage());
        }
    }

    private Uni<CheckResult> refuse(String chargePointId, Refusal refusal, int status) {
        metrics.countConnectionRefused(Protocol.OCPP16, refusal.tag());
        LOG.warnf("charge point %s: connection refused (%s)", chargePointId, refusal.tag());
        return status == 401 ? CheckResult.rejectUpgrade(status, CHALLENGE) : CheckResult.rejectUpgrade(status);
    }

    private static boolean matches(String password, String hash) {
        try {
            return PasswordHash.matches(password, hash);
        } catch (RuntimeException unsupportedHash) {
            LOG.errorf("a configured password hash is not a usable bcrypt or $7$ hash: %s",
                    unsupportedHash.toString());
            return false;
        }
    }

    /** {@code user:password} of an HTTP Basic {@code Authorization} header, or empty when there is none. */
    static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
