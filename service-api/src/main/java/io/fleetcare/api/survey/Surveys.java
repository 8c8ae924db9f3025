package io.fleetcare.api.survey;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.ticket.Ticket;
import io.fleetcare.api.ticket.TicketNotFoundException;
import io.fleetcare.api.ticket.TicketRepository;
import io.fleetcare.api.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Records the customer's satisfaction survey of a case once the customer confirmed the repair (seed 002: the
 * opinion card follows the service; seed 004 §3.3.2: the customer fills in the satisfaction form after the
 * service), at most once per case.
 */
@ApplicationScoped
public class Surveys {

    /** The statuses in which a case can be judged: the customer confirmed the repair, or the case is closed. */
    public static final Set<TicketStatus> SURVEYABLE = EnumSet.of(TicketStatus.CUSTOMER_CONFIRMED, TicketStatus.CLOSED);

    private static final Logger LOG = Logger.getLogger(Surveys.class);

    @Inject
    TicketRepository tickets;

    @Inject
    SurveyRepository surveys;

    @Inject
    Clock clock;

    /**
     * Records the survey, holding the ticket row so that two concurrent surveys of one case are judged one after
     * the other.
     *
     * @param number  the ticket's number; never null
     * @param scores  the customer's ratings; never null
     * @param comment may be null
     * @param caller  who enters the customer's card; never null
     * @return the stored survey; never null
     * @throws TicketNotFoundException          when there is no such ticket (404)
     * @throws SurveyNotPossibleException       when the ticket is not {@link #SURVEYABLE} (409)
     * @throws SurveyAlreadyRecordedException   when the ticket has its survey (409)
     */
    @Transactional
    public SurveyView record(String number, SurveyScores scores, String comment, Caller caller) {
        Ticket ticket = tickets.findByNumberForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!SURVEYABLE.contains(ticket.status())) {
            throw new SurveyNotPossibleException("Ticket " + number + " is " + ticket.status()
                    + "; a survey is taken once the case is one of " + SURVEYABLE + ".");
        }
        if (surveys.findByIdOptional(number).isPresent()) {
            throw new SurveyAlreadyRecordedException(number);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        Survey survey = new Survey(number, scores, text, caller.username(), now);
        surveys.persist(survey);
        LOG.infof("Survey of ticket %s recorded by %s (mean %.2f)", number, caller.username(), scores.mean());
        return SurveyView.of(survey);
    }

    /**
     * @throws TicketNotFoundException when there is no such ticket (404)
     * @throws SurveyNotFoundException when the ticket has no survey (404)
     */
    @Transactional
    public SurveyView get(String number) {
        if (tickets.findByNumber(number).isEmpty()) {
            throw new TicketNotFoundException(number);
        }
        return surveys.findByIdOptional(number).map(SurveyView::of)
                .orElseThrow(() -> new SurveyNotFoundException(number));
    }
}
