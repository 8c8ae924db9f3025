package io.fleetcare.api.notify;

import io.fleetcare.api.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/** The notification rules: validate and store, list, deactivate. */
@ApplicationScoped
public class NotificationRules {

    private static final Logger LOG = Logger.getLogger(NotificationRules.class);

    @Inject
    NotificationStore store;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    /** @throws InvalidRuleException listing every problem of the request */
    public NotificationRuleView create(NotificationRuleRequest request, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NotificationRule rule = RuleValidation.validate(request, config.minimumDelay(), caller.username(), now);
        long id = store.insertRule(rule);
        LOG.infof("Notification rule %d '%s' (%s) created by %s", id, rule.name(), rule.trigger(), caller.username());
        return get(id);
    }

    public List<NotificationRuleView> list() {
        return store.activeRules().stream().map(NotificationRuleView::of).toList();
    }

    /** @throws RuleNotFoundException when no active rule has this id */
    public NotificationRuleView get(long id) {
        return store.activeRules().stream().filter(r -> r.id() == id).findFirst().map(NotificationRuleView::of)
                .orElseThrow(() -> new RuleNotFoundException(Long.toString(id)));
    }

    /** @throws RuleNotFoundException when no active rule has this id */
    public void deactivate(long id, Caller caller) {
        if (!store.deactivate(id, caller.username(), clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw new RuleNotFoundException(Long.toString(id));
        }
        LOG.infof("Notification rule %d deactivated by %s", id, caller.username());
    }
}
