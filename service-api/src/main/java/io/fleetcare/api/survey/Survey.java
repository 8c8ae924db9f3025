package io.fleetcare.api.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The customer's satisfaction survey of one case (客户意见调查卡, seed 002): four ratings on {@link SurveyScores#MIN}..
 * {@link SurveyScores#MAX} and a comment. One per ticket; never changed once written (seed 000 §3.7.4).
 */
@Entity
@Immutable
@Table(name = "ticket_survey")
public class Survey {

    @Id
    @Column(name = "ticket_number")
    private String ticketNumber;

    @Column(name = "attitude", nullable = false)
    private int attitude;

    @Column(name = "skill", nullable = false)
    private int skill;

    @Column(name = "punctuality", nullable = false)
    private int punctuality;

    @Column(name = "result", nullable = false)
    private int result;

    @Column(name = "comment")
    private String comment;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Survey() {
    }

    Survey(String ticketNumber, SurveyScores scores, String comment, String recordedBy, Instant recordedAt) {
        this.ticketNumber = ticketNumber;
        this.attitude = scores.attitude();
        this.skill = scores.skill();
        this.punctuality = scores.punctuality();
        this.result = scores.result();
        this.comment = comment;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String ticketNumber() {
        return ticketNumber;
    }

    public SurveyScores scores() {
        return new SurveyScores(attitude, skill, punctuality, result);
    }

    /** May be null. */
    public String comment() {
        return comment;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
